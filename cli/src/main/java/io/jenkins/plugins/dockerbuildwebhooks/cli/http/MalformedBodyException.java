package io.jenkins.plugins.dockerbuildwebhooks.cli.http;

import java.io.IOException;

/** A body that breaks its own framing (a bad chunk size, a chunk without its CRLF): answered 400. */
public final class MalformedBodyException extends IOException {
    private static final long serialVersionUID = 1L;

    MalformedBodyException(String message) {
        super(message);
    }
}
