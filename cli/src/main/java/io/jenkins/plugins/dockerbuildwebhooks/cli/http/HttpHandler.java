package io.jenkins.plugins.dockerbuildwebhooks.cli.http;

import java.io.IOException;

/** Answers one request. It may read the body or leave it; the server deals with what is left. */
@FunctionalInterface
public interface HttpHandler {
    /**
     * @throws IOException when the body cannot be read: the client went away, or (as
     *     {@link MalformedBodyException}) sent a body that breaks its framing, which is answered 400
     */
    HttpResponse handle(HttpRequest request, RequestBody body) throws IOException;
}
