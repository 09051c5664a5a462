package io.jenkins.plugins.dockerbuildwebhooks.payload;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP message a format produced: the exact body bytes and the headers that belong to the
 * format ({@code Content-Type} always; the {@code ce-*} attributes in CloudEvents binary mode).
 * Delivery sends it as it is, so what a format writes is what a receiver reads.
 *
 * @param deliveryId the id the message was written for: formats that carry an event id (CloudEvents,
 *     registry notifications) put it in the body, so the delivery must use this id
 * @param label what the message is about, for results and logs ({@code localhost:5000/demo/app:1.0},
 *     with the platform for a per-platform event)
 */
public record Message(String deliveryId, String label, byte[] body, Map<String, String> headers) {
    /** The header naming the body's media type. */
    public static final String CONTENT_TYPE = "Content-Type";

    public Message {
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(label, "label");
        body = body.clone();
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        if (!headers.containsKey(CONTENT_TYPE)) {
            throw new IllegalArgumentException("a message needs a " + CONTENT_TYPE + " header");
        }
    }

    /** A copy of the body. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    public String contentType() {
        return headers.get(CONTENT_TYPE);
    }
}
