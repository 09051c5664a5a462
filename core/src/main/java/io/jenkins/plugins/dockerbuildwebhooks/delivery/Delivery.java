package io.jenkins.plugins.dockerbuildwebhooks.delivery;

import java.security.SecureRandom;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * One message for one endpoint: a stable id (sent as {@code webhook-id} on every attempt, kept on
 * resume and on manual redelivery), the exact body bytes, and per-message headers (e.g. an event
 * name). The body is sent byte for byte as given, so signatures match what the receiver reads.
 * The message's own headers may name its {@code Content-Type} (the format that wrote the body
 * knows it; default {@code application/json}); they are journalled with it, so a resumed or
 * repeated delivery keeps them.
 */
public final class Delivery {
    private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final RandomGenerator IDS = new SecureRandom();
    private static final java.util.regex.Pattern VALID_ID = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final String id;
    private final Endpoint endpoint;
    private final byte[] body;
    private final Map<String, String> headers;

    public Delivery(String id, Endpoint endpoint, byte[] body, Map<String, String> headers) {
        if (!VALID_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("invalid delivery id '" + id
                    + "': use 1-64 letters, digits, '_' or '-'");
        }
        this.id = id;
        this.endpoint = Objects.requireNonNull(endpoint);
        this.body = body.clone();
        headers.forEach(Headers::checkMessage);
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** A delivery with a fresh random id. */
    public static Delivery create(Endpoint endpoint, byte[] body) {
        return new Delivery(newId(IDS), endpoint, body, Map.of());
    }

    /** {@code msg_} and 26 random base-36 characters (about 134 bits); no '.', as Standard Webhooks requires. */
    public static String newId(RandomGenerator random) {
        StringBuilder sb = new StringBuilder("msg_");
        for (int i = 0; i < 26; i++) {
            sb.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return sb.toString();
    }

    public String id() {
        return id;
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    /** A copy of the body. */
    public byte[] body() {
        return body.clone();
    }

    byte[] bodyUnsafe() {
        return body;
    }

    public Map<String, String> headers() {
        return headers;
    }

    @Override
    public String toString() {
        return "Delivery[" + id + " to " + endpoint.id() + ", " + body.length + " bytes]";
    }
}
