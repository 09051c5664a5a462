package io.jenkins.plugins.dockerbuildwebhooks.delivery;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Signs like GitHub: {@code X-Hub-Signature-256: sha256=<lowercase hex HMAC-SHA256(body)>}, keyed
 * with the secret's UTF-8 bytes exactly as configured (no {@code whsec_} decoding).
 */
public final class HubSignature256Signer {
    /** The header this signer fills. */
    public static final String HEADER = "X-Hub-Signature-256";

    private final byte[] key;

    public HubSignature256Signer(Secret secret) {
        this.key = secret.reveal().getBytes(StandardCharsets.UTF_8);
    }

    /** The header value for {@code body}. */
    public String sign(byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(Hmac.sha256(key).doFinal(body));
    }
}
