package io.jenkins.plugins.dockerbuildwebhooks.delivery;

import io.jenkins.plugins.dockerbuildwebhooks.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a journal's records say, applied one record at a time; the journal's lock guards it. */
final class JournalEntries {
    private final Map<String, JournalEntry> entries = new LinkedHashMap<>();
    private final Map<String, JsonObject> endpointRecords = new HashMap<>();

    /**
     * Applies one record.
     *
     * @throws IllegalArgumentException (or DateTimeParseException) when the record is not one a journal holds
     */
    void apply(JsonObject r) {
        String type = r.string("type");
        if (type.equals(JournalRecords.HEADER_TYPE)) {
            return;
        }
        String id = r.string("id");
        if (type.equals("delivery")) {
            Map<String, String> headers = new LinkedHashMap<>();
            r.optObject("headers").ifPresent(h -> h.keys().forEach(k -> headers.put(k, h.string(k))));
            byte[] body = Base64.getDecoder().decode(r.string("body"));
            JournalEntry previous = entries.remove(id);
            JournalEntry entry = new JournalEntry(id, r.optString("at").orElse(""), shared(r.object("endpoint")), body,
                    headers);
            if (previous != null) {
                previous.attempts().forEach(entry::addAttempt);
            }
            entries.put(id, entry);
            return;
        }
        JournalEntry entry = entries.get(id);
        if (entry == null) {
            throw new IllegalArgumentException("record for unknown delivery " + id);
        }
        switch (type) {
            case "attempt" -> entry.addAttempt(new Attempt(r.optLong("n").orElse(0L).intValue(),
                    Instant.parse(r.string("at")), r.optLong("status").orElse(0L).intValue(),
                    r.optString("error").orElse(null), Duration.ofMillis(r.optLong("latencyMs").orElse(0L)),
                    r.optString("excerpt").orElse("")));
            case "resume" -> entry.reopen();
            case "outcome" -> entry.finish(Outcome.valueOf(r.string("outcome")),
                    r.optLong("status").orElse(0L).intValue(), r.optString("message").orElse(""));
            default -> throw new IllegalArgumentException("unknown record type '" + type + "'");
        }
    }

    /**
     * One instance per distinct endpoint record: thousands of deliveries to a few endpoints then
     * hold a few endpoint records, not thousands of copies.
     */
    private JsonObject shared(JsonObject endpoint) {
        StringBuilder key = new StringBuilder();
        for (String k : endpoint.keys()) {
            key.append(k).append('=').append(endpoint.raw(k)).append('\n');
        }
        return endpointRecords.computeIfAbsent(key.toString(), k -> endpoint);
    }

    JournalEntry get(String id) {
        return entries.get(id);
    }

    Collection<JournalEntry> values() {
        return entries.values();
    }
}
