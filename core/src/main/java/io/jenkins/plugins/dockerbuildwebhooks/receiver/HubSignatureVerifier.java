package io.jenkins.plugins.dockerbuildwebhooks.receiver;

import io.jenkins.plugins.dockerbuildwebhooks.delivery.HubSignature256Signer;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.Secret;
import io.jenkins.plugins.dockerbuildwebhooks.receiver.SignatureCheck.Scheme;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Checks {@code X-Hub-Signature-256: sha256=<hex>} as GitHub's libraries do: HMAC-SHA256 of the
 * body keyed with the secret's UTF-8 bytes exactly as configured, lowercase hex. A comma-separated
 * list (which adnanh/webhook accepts) is valid when any entry matches.
 */
public final class HubSignatureVerifier {
    /** The header's name. */
    public static final String HEADER = HubSignature256Signer.HEADER;

    private final HubSignature256Signer signer;

    public HubSignatureVerifier(String secret) {
        this.signer = new HubSignature256Signer(Secret.of(secret));
    }

    /** Checks the header's value (null when absent) against the exact body bytes. */
    public SignatureCheck verify(String header, byte[] body) {
        if (header == null) {
            return SignatureCheck.notSent(Scheme.HUB_SIGNATURE_256);
        }
        // verifying is signing again with the sender's code and comparing
        byte[] expected = signer.sign(body).getBytes(StandardCharsets.US_ASCII);
        boolean match = false;
        boolean wellFormed = false;
        boolean caseOnly = false;
        for (String entry : header.split(",")) {
            String value = entry.trim();
            wellFormed |= value.startsWith("sha256=");
            match |= MessageDigest.isEqual(value.getBytes(StandardCharsets.US_ASCII), expected);
            // said only when it is the reason: a hint that is not true sends people looking in the wrong place
            caseOnly |= MessageDigest.isEqual(value.toLowerCase(java.util.Locale.ROOT)
                    .getBytes(StandardCharsets.US_ASCII), expected);
        }
        if (match) {
            return SignatureCheck.valid(Scheme.HUB_SIGNATURE_256, "sha256 HMAC of the body matches");
        }
        if (caseOnly) {
            return SignatureCheck.invalid(Scheme.HUB_SIGNATURE_256,
                    "sha256 HMAC matches only when case is ignored: the hex must be lowercase");
        }
        return SignatureCheck.invalid(Scheme.HUB_SIGNATURE_256, wellFormed
                ? "sha256 HMAC does not match the body and the secret"
                : "malformed: expected sha256=<64 lowercase hex>, got \""
                        + StandardWebhooksVerifier.shorten(header) + "\"");
    }
}
