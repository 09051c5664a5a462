package io.jenkins.plugins.dockerbuildwebhooks.delivery;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Which signature headers a delivery carries. */
public enum SignatureScheme {
    /** No signature headers (Standard Webhooks {@code webhook-id}/{@code webhook-timestamp} are still sent). */
    NONE("none"),
    /** {@code webhook-signature: v1,<base64>} per Standard Webhooks v1. */
    STANDARD_WEBHOOKS("standard-webhooks"),
    /** GitHub style {@code X-Hub-Signature-256: sha256=<hex>}. */
    HUB_SIGNATURE_256("hub-signature-256"),
    /** Both of the above, with the same secret. */
    BOTH("both");

    private final String id;

    SignatureScheme(String id) {
        this.id = id;
    }

    /** The name used in options and journals. */
    public String id() {
        return id;
    }

    /** Whether a {@code webhook-signature} header is sent. */
    public boolean standardWebhooks() {
        return this == STANDARD_WEBHOOKS || this == BOTH;
    }

    /** Whether an {@code X-Hub-Signature-256} header is sent. */
    public boolean hubSignature() {
        return this == HUB_SIGNATURE_256 || this == BOTH;
    }

    /** The scheme named {@code id}; the error lists the valid names. */
    public static SignatureScheme fromId(String id) {
        for (SignatureScheme s : values()) {
            if (s.id.equals(id.toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown signature scheme '" + id + "': use one of "
                + Arrays.stream(values()).map(SignatureScheme::id).collect(Collectors.joining(", ")));
    }
}
