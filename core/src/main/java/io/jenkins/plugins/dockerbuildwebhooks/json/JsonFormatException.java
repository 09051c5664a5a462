package io.jenkins.plugins.dockerbuildwebhooks.json;

/**
 * Thrown when bytes that should be JSON are not, or do not have the expected shape. The message
 * names the source (a file name, "request body", ...) and the problem.
 */
public final class JsonFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public JsonFormatException(String message) {
        super(message);
    }

    public JsonFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
