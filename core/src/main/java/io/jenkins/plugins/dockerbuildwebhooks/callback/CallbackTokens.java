package io.jenkins.plugins.dockerbuildwebhooks.callback;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and checks the per-delivery tokens that end a callback URL
 * ({@code .../callback/<token>}).
 *
 * <p>A token is {@code base64url(delivery id) "." base64url(HMAC-SHA256(secret, label + id))}
 * without padding: it names the delivery it belongs to, so the endpoint needs no lookup table,
 * and only the holder of the instance secret can make one. The delivery id is not secret (the
 * receiver sees it in the {@code webhook-id} header); the MAC is what makes the URL unguessable.
 * {@link #verify(String)} recomputes the MAC and compares it in constant time. Tokens cannot be
 * revoked one by one; rotating the secret invalidates all of them.
 */
public final class CallbackTokens {
    /** Shortest accepted secret: the HMAC-SHA256 block strength. */
    public static final int MIN_SECRET_BYTES = 32;
    /** Longest delivery id a token can carry, in UTF-8 bytes. */
    public static final int MAX_DELIVERY_ID_BYTES = 256;

    // Separates these MACs from anything else the same secret might ever sign.
    private static final byte[] LABEL = "docker-build-webhooks callback token v1\n".getBytes(StandardCharsets.UTF_8);
    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAC_BYTES = 32;
    private static final int MAX_TOKEN_LENGTH = base64Length(MAX_DELIVERY_ID_BYTES) + 1 + base64Length(MAC_BYTES);

    private final SecretKeySpec key;

    /**
     * @param secret at least {@value #MIN_SECRET_BYTES} random bytes kept by the instance; copied
     * @throws IllegalArgumentException if the secret is too short
     */
    public CallbackTokens(byte[] secret) {
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("callback token secret: " + secret.length
                    + " bytes is too short, at least " + MIN_SECRET_BYTES + " are needed");
        }
        this.key = new SecretKeySpec(Arrays.copyOf(secret, secret.length), ALGORITHM);
    }

    /**
     * The token for one delivery.
     *
     * @throws IllegalArgumentException if the id is empty or longer than {@value #MAX_DELIVERY_ID_BYTES} bytes
     */
    public String issue(String deliveryId) {
        byte[] id = deliveryId.getBytes(StandardCharsets.UTF_8);
        if (id.length == 0 || id.length > MAX_DELIVERY_ID_BYTES) {
            throw new IllegalArgumentException("delivery id: must be 1 to " + MAX_DELIVERY_ID_BYTES
                    + " bytes long but is " + id.length);
        }
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return encoder.encodeToString(id) + "." + encoder.encodeToString(mac(id));
    }

    /**
     * The delivery id a genuine token was issued for; empty for anything else (wrong MAC, wrong
     * shape, too long, not base64url).
     */
    public Optional<String> verify(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        byte[] id;
        byte[] presented;
        try {
            Base64.Decoder decoder = Base64.getUrlDecoder();
            id = decoder.decode(token.substring(0, dot));
            presented = decoder.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (id.length == 0 || id.length > MAX_DELIVERY_ID_BYTES) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(mac(id), presented)) {
            return Optional.empty();
        }
        // A MAC only matches ids issue() encoded, i.e. valid UTF-8, but decode strictly anyway.
        String deliveryId = new String(id, StandardCharsets.UTF_8);
        return Arrays.equals(deliveryId.getBytes(StandardCharsets.UTF_8), id) ? Optional.of(deliveryId) : Optional.empty();
    }

    private byte[] mac(byte[] id) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(LABEL);
            return mac.doFinal(id);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    private static int base64Length(int bytes) {
        return (bytes * 4 + 2) / 3;
    }
}
