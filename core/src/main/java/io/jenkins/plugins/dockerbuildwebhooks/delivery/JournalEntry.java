package io.jenkins.plugins.dockerbuildwebhooks.delivery;

import io.jenkins.plugins.dockerbuildwebhooks.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the journal knows about one delivery: how to send it again, every attempt so far and, once
 * it ended, its outcome.
 */
public final class JournalEntry {
    private final String id;
    private final String createdAt;
    private final JsonObject endpoint;
    private final byte[] body;
    private final Map<String, String> headers;
    private final List<Attempt> attempts = new ArrayList<>();
    private Outcome outcome = Outcome.PENDING;
    private int status;
    private String message = "";

    JournalEntry(String id, String createdAt, JsonObject endpoint, byte[] body, Map<String, String> headers) {
        this.id = id;
        this.createdAt = createdAt;
        this.endpoint = endpoint;
        this.body = body;
        this.headers = new LinkedHashMap<>(headers);
    }

    public String id() {
        return id;
    }

    /** When the delivery was first journalled (ISO-8601). */
    public String createdAt() {
        return createdAt;
    }

    /** The endpoint id recorded for this delivery. */
    public String endpointId() {
        return endpoint.string("id");
    }

    JsonObject endpointRecord() {
        return endpoint;
    }

    byte[] bodyUnsafe() {
        return body;
    }

    Map<String, String> headers() {
        return headers;
    }

    public List<Attempt> attempts() {
        return Collections.unmodifiableList(attempts);
    }

    public Outcome outcome() {
        return outcome;
    }

    public boolean finished() {
        return outcome != Outcome.PENDING;
    }

    public int status() {
        return status;
    }

    public String message() {
        return message;
    }

    void addAttempt(Attempt a) {
        attempts.add(a);
    }

    void finish(Outcome o, int s, String m) {
        outcome = o;
        status = s;
        message = m;
    }

    void reopen() {
        outcome = Outcome.PENDING;
    }

    /** The delivery again, same id and bytes, its endpoint's secrets looked up through {@code secrets}. */
    public Delivery toDelivery(SecretLookup secrets) {
        return new Delivery(id, EndpointCodec.read(endpoint, secrets), body, headers);
    }
}
