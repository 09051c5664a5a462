package io.jenkins.plugins.dockerbuildwebhooks.receiver;

import io.jenkins.plugins.dockerbuildwebhooks.delivery.Secret;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.StandardWebhooksSigner;
import io.jenkins.plugins.dockerbuildwebhooks.receiver.SignatureCheck.Scheme;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Checks a Standard Webhooks signature the way the specification's reference libraries do:
 * HMAC-SHA256 over {@code id.timestamp.body} with the base64-decoded {@code whsec_} key, any
 * matching {@code v1,} entry of the space-separated list wins, and a timestamp more than five
 * minutes from the receiver's clock is refused as a possible replay.
 */
public final class StandardWebhooksVerifier {
    /** The tolerance of the reference libraries. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final StandardWebhooksSigner signer;
    private final Clock clock;

    private StandardWebhooksVerifier(StandardWebhooksSigner signer, Clock clock) {
        this.signer = signer;
        this.clock = clock;
    }

    /**
     * A verifier for {@code secret}, keyed as senders key it: {@code whsec_} followed by base64 is
     * decoded (as the reference libraries do), any other text is used as its UTF-8 bytes (a raw
     * key). Empty when the secret starts with {@code whsec_} but holds no valid base64 key.
     */
    public static Optional<StandardWebhooksVerifier> forSecret(String secret, Clock clock) {
        try {
            return Optional.of(new StandardWebhooksVerifier(new StandardWebhooksSigner(Secret.of(secret)), clock));
        } catch (IllegalArgumentException notAKey) {
            return Optional.empty();
        }
    }

    /**
     * Checks one request's headers (each null when absent) against its exact body bytes.
     */
    public SignatureCheck verify(String id, String timestamp, String signatures, byte[] body) {
        if (id == null && timestamp == null && signatures == null) {
            return SignatureCheck.notSent(Scheme.STANDARD_WEBHOOKS);
        }
        if (id == null || timestamp == null || signatures == null) {
            return invalid("incomplete: needs webhook-id, webhook-timestamp and webhook-signature, missing "
                    + (id == null ? "webhook-id" : timestamp == null ? "webhook-timestamp" : "webhook-signature"));
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return invalid("webhook-timestamp \"" + shorten(timestamp) + "\" is not whole seconds since the epoch");
        }
        if (id.indexOf('.') >= 0) {
            return invalid("webhook-id contains '.', which the signed content id.timestamp.body cannot hold");
        }
        // verifying is signing again with the sender's code and comparing
        byte[] expected = Base64.getDecoder().decode(signer.sign(id, seconds, body).substring("v1,".length()));
        if (!matchesAny(signatures, expected)) {
            return invalid("no v1 signature in webhook-signature matches the body and the secret");
        }
        long offBy = seconds - clock.instant().getEpochSecond();
        if (Math.abs(offBy) > TOLERANCE.toSeconds()) {
            return invalid("signature matches, but webhook-timestamp is " + Math.abs(offBy) + " s "
                    + (offBy < 0 ? "old" : "in the future") + " (tolerance ±" + TOLERANCE.toSeconds()
                    + " s): refused as a possible replay");
        }
        return SignatureCheck.valid(Scheme.STANDARD_WEBHOOKS, "v1 signature matches; timestamp within ±"
                + TOLERANCE.toSeconds() + " s");
    }

    private static boolean matchesAny(String signatures, byte[] expected) {
        boolean match = false;
        for (String entry : signatures.trim().split(" +")) {
            if (!entry.startsWith("v1,")) {
                continue;
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(entry.substring(3));
            } catch (IllegalArgumentException notBase64) {
                continue;
            }
            // no early exit: every entry costs the same whether or not an earlier one matched
            match |= MessageDigest.isEqual(given, expected);
        }
        return match;
    }

    private static SignatureCheck invalid(String why) {
        return SignatureCheck.invalid(Scheme.STANDARD_WEBHOOKS, why);
    }

    static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
