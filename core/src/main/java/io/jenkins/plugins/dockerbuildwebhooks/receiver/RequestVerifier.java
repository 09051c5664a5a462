package io.jenkins.plugins.dockerbuildwebhooks.receiver;

import io.jenkins.plugins.dockerbuildwebhooks.receiver.SignatureCheck.Scheme;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks both signature schemes on a received request with one secret, keyed the way this
 * project's sender keys them: the Standard Webhooks key is the base64 part after {@code whsec_}
 * (or the UTF-8 bytes of a secret without that prefix), the {@code X-Hub-Signature-256} key is
 * the secret string exactly as given.
 */
public final class RequestVerifier {
    private final Optional<StandardWebhooksVerifier> standard;
    private final Optional<HubSignatureVerifier> hub;
    private final String whyUnchecked;

    private RequestVerifier(
            Optional<StandardWebhooksVerifier> standard, Optional<HubSignatureVerifier> hub, String whyUnchecked) {
        this.standard = standard;
        this.hub = hub;
        this.whyUnchecked = whyUnchecked;
    }

    /** A verifier that has no secret: signed requests are reported as unchecked. */
    public static RequestVerifier withoutSecret() {
        return new RequestVerifier(Optional.empty(), Optional.empty(), "signed, but the receiver has no secret to check it");
    }

    /** A verifier for {@code secret}; {@link #standardWebhooksUsable()} tells whether it holds a usable key. */
    public static RequestVerifier forSecret(String secret, Clock clock) {
        return new RequestVerifier(
                StandardWebhooksVerifier.forSecret(secret, clock),
                Optional.of(new HubSignatureVerifier(secret)),
                "signed, but the receiver's secret starts with whsec_ and is not valid base64 after it");
    }

    /** Whether the verifier has a secret at all. */
    public boolean hasSecret() {
        return hub.isPresent();
    }

    /** Whether Standard Webhooks signatures can be checked with the secret. */
    public boolean standardWebhooksUsable() {
        return standard.isPresent();
    }

    /**
     * Both checks, Standard Webhooks first.
     *
     * @param header the request's first value of a header (case-insensitive name), or null
     */
    public List<SignatureCheck> verify(Function<String, String> header, byte[] body) {
        String id = header.apply("webhook-id");
        String timestamp = header.apply("webhook-timestamp");
        String signature = header.apply("webhook-signature");
        SignatureCheck standardCheck;
        if (signature == null) {
            // webhook-id and webhook-timestamp without a signature are an unsigned delivery's
            // idempotency key and send time
            standardCheck = SignatureCheck.notSent(Scheme.STANDARD_WEBHOOKS);
        } else {
            standardCheck = standard.map(v -> v.verify(id, timestamp, signature, body))
                    .orElseGet(() -> SignatureCheck.unchecked(Scheme.STANDARD_WEBHOOKS, whyUnchecked));
        }
        String hubHeader = header.apply(HubSignatureVerifier.HEADER);
        SignatureCheck hubCheck = hubHeader == null
                ? SignatureCheck.notSent(Scheme.HUB_SIGNATURE_256)
                : hub.map(v -> v.verify(hubHeader, body))
                        .orElseGet(() -> SignatureCheck.unchecked(Scheme.HUB_SIGNATURE_256,
                                "signed, but the receiver has no secret to check it"));
        return List.of(standardCheck, hubCheck);
    }
}
