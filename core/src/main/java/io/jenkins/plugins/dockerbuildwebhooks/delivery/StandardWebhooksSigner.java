package io.jenkins.plugins.dockerbuildwebhooks.delivery;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;

/**
 * Signs per Standard Webhooks v1: HMAC-SHA256 over {@code id.timestamp.body} with the key the
 * {@code whsec_} secret encodes, sent as {@code webhook-signature: v1,<base64>}.
 */
public final class StandardWebhooksSigner {
    private static final String PREFIX = "whsec_";
    private final byte[] key;

    /**
     * A signer for {@code secret}: {@code whsec_} followed by base64 is decoded (as the reference
     * libraries do); any other text is used as its UTF-8 bytes, as the spec allows for raw keys.
     */
    public StandardWebhooksSigner(Secret secret) {
        this.key = keyOf(secret.reveal());
    }

    static byte[] keyOf(String secret) {
        if (!secret.startsWith(PREFIX)) {
            return secret.getBytes(StandardCharsets.UTF_8);
        }
        try {
            byte[] key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
            if (key.length == 0) {
                throw new IllegalArgumentException("the whsec_ signing secret holds no key bytes");
            }
            return key;
        } catch (IllegalArgumentException e) {
            // the message must not quote the secret
            throw new IllegalArgumentException("the whsec_ signing secret is not valid base64 after its prefix");
        }
    }

    /** The {@code webhook-signature} header value for one message. */
    public String sign(String messageId, long timestampSeconds, byte[] body) {
        if (messageId.indexOf('.') >= 0) {
            throw new IllegalArgumentException("a webhook-id must not contain '.': " + messageId);
        }
        byte[] prefix = (messageId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8);
        Mac mac = Hmac.sha256(key);
        mac.update(prefix);
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
    }
}
