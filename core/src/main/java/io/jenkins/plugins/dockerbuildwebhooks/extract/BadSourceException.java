package io.jenkins.plugins.dockerbuildwebhooks.extract;

/**
 * A file given as an image source cannot be used: empty, too large, or not the format the option
 * expects. The message names the file and the problem. This is the only exception the extractors
 * throw for bad content (besides {@link io.jenkins.plugins.dockerbuildwebhooks.json.JsonFormatException}
 * for broken JSON, which names the file too); I/O failures stay {@link java.io.IOException}s.
 */
public final class BadSourceException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public BadSourceException(String source, String problem) {
        super(source + ": " + problem);
    }
}
