package io.jenkins.plugins.dockerbuildwebhooks.receiver;

import java.util.Objects;

/**
 * What a receiver concluded about one signature scheme on one request.
 *
 * @param scheme which signature header was checked
 * @param outcome the conclusion
 * @param detail one sentence for a person: why it is valid, invalid or unchecked
 */
public record SignatureCheck(Scheme scheme, Outcome outcome, String detail) {

    /** The signature schemes a receiver checks. */
    public enum Scheme {
        /** {@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature: v1,<base64>}. */
        STANDARD_WEBHOOKS("Standard Webhooks"),
        /** {@code X-Hub-Signature-256: sha256=<lowercase hex>}, as GitHub sends it. */
        HUB_SIGNATURE_256("X-Hub-Signature-256");

        private final String label;

        Scheme(String label) {
            this.label = label;
        }

        /** The name people know the scheme by. */
        public String label() {
            return label;
        }
    }

    /** How a check ended. */
    public enum Outcome {
        /** The request carries no header of this scheme. */
        NOT_SENT,
        /** The request is signed, but the receiver has no usable secret to check it with. */
        UNCHECKED,
        /** The signature matches the body and the secret (and, where it applies, the time). */
        VALID,
        /** The signature is malformed, does not match, or is too old or too new. */
        INVALID
    }

    public SignatureCheck {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
    }

    static SignatureCheck notSent(Scheme scheme) {
        return new SignatureCheck(scheme, Outcome.NOT_SENT, "no " + scheme.label() + " headers");
    }

    static SignatureCheck unchecked(Scheme scheme, String why) {
        return new SignatureCheck(scheme, Outcome.UNCHECKED, why);
    }

    static SignatureCheck valid(Scheme scheme, String why) {
        return new SignatureCheck(scheme, Outcome.VALID, why);
    }

    static SignatureCheck invalid(Scheme scheme, String why) {
        return new SignatureCheck(scheme, Outcome.INVALID, why);
    }
}
