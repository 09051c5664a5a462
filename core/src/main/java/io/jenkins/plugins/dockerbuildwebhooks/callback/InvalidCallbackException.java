package io.jenkins.plugins.dockerbuildwebhooks.callback;

/**
 * A callback request the receiver sent was refused. The message names the input ("callback
 * body", "Content-Type") and what is wrong, without echoing more than a short, sanitised excerpt
 * of what was sent; {@link #reason()} tells an endpoint which HTTP status to answer with.
 */
public final class InvalidCallbackException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Why the callback was refused. */
    public enum Reason {
        /** The body is longer than {@link CallbackParser#MAX_BODY_BYTES}. */
        TOO_LARGE(413),
        /** The Content-Type is neither absent nor JSON, or names a charset other than UTF-8. */
        UNSUPPORTED_MEDIA_TYPE(415),
        /** The body is not one well-formed JSON document, or not a JSON object. */
        MALFORMED(400),
        /** Well-formed JSON that breaks the callback contract (types, values, lengths). */
        INVALID(400);

        private final int httpStatus;

        Reason(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        /** The HTTP status an endpoint should answer with. */
        public int httpStatus() {
            return httpStatus;
        }
    }

    private final Reason reason;

    InvalidCallbackException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    InvalidCallbackException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
