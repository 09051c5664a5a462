package io.jenkins.plugins.dockerbuildwebhooks.delivery;

import io.jenkins.plugins.dockerbuildwebhooks.json.JsonObject;
import io.jenkins.plugins.dockerbuildwebhooks.json.JsonWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The lines of a {@link DeliveryJournal}: a header that says what the file is, then one JSON
 * record per line ({@code delivery}, {@code attempt}, {@code resume}, {@code outcome}). The header
 * lets a journal tell itself apart from any other file it might be pointed at by mistake, so it
 * never appends to (or compacts away) a file that is not its own. Journals of versions before the
 * header started with a {@code delivery} record, and are still read.
 */
final class JournalRecords {
    static final String FORMAT = "docker-build-webhooks delivery journal";
    static final long VERSION = 1;
    static final String HEADER_TYPE = "journal";

    private JournalRecords() {}

    static byte[] header() {
        return JsonWriter.toBytes(false, w -> w.startObject().field("type", HEADER_TYPE).field("format", FORMAT)
                .field("version", VERSION).endObject());
    }

    /** Whether {@code bytes} (a file with no complete line) is the beginning of a header: a writer died writing it. */
    static boolean isTornHeader(byte[] bytes) {
        byte[] header = header();
        if (bytes.length > header.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != header[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether the first record of a file is a header this version reads. */
    static boolean isHeader(JsonObject r) {
        return HEADER_TYPE.equals(r.optString("type").orElse("")) && FORMAT.equals(r.optString("format").orElse(""));
    }

    static byte[] delivery(Delivery d, Instant now) {
        return JsonWriter.toBytes(false, w -> {
            w.startObject();
            w.field("type", "delivery");
            w.field("id", d.id());
            w.field("at", now.toString());
            w.name("endpoint");
            EndpointCodec.write(w, d.endpoint());
            writeHeaders(w, d.headers());
            w.field("body", Base64.getEncoder().encodeToString(d.bodyUnsafe()));
            w.endObject();
        });
    }

    static byte[] resume(String id, Instant now) {
        return JsonWriter.toBytes(false, w -> w.startObject().field("type", "resume").field("id", id)
                .field("at", now.toString()).endObject());
    }

    static byte[] attempt(String id, Attempt a) {
        return JsonWriter.toBytes(false, w -> {
            w.startObject().field("type", "attempt").field("id", id).field("n", a.number())
                    .field("at", a.startedAt().toString()).field("status", a.status());
            if (a.error() != null) {
                w.field("error", a.error());
            }
            w.field("latencyMs", a.latency().toMillis()).field("excerpt", a.excerpt()).endObject();
        });
    }

    static byte[] outcome(String id, Outcome outcome, int status, String message) {
        return JsonWriter.toBytes(false, w -> w.startObject().field("type", "outcome").field("id", id)
                .field("outcome", outcome.name()).field("status", status).field("message", message).endObject());
    }

    /** Every record of one entry, as a compacted journal holds it. */
    static List<byte[]> of(JournalEntry e) {
        List<byte[]> lines = new ArrayList<>();
        lines.add(JsonWriter.toBytes(false, w -> {
            w.startObject().field("type", "delivery").field("id", e.id()).field("at", e.createdAt());
            w.name("endpoint");
            writeObject(w, e.endpointRecord());
            writeHeaders(w, e.headers());
            w.field("body", Base64.getEncoder().encodeToString(e.bodyUnsafe()));
            w.endObject();
        }));
        for (Attempt a : e.attempts()) {
            lines.add(attempt(e.id(), a));
        }
        if (e.finished()) {
            lines.add(outcome(e.id(), e.outcome(), e.status(), e.message()));
        }
        return lines;
    }

    private static void writeHeaders(JsonWriter w, Map<String, String> headers) {
        if (!headers.isEmpty()) {
            w.name("headers").startObject();
            headers.forEach(w::field);
            w.endObject();
        }
    }

    /** Copies a parsed endpoint record back out (strings, numbers and one level of string maps). */
    private static void writeObject(JsonWriter w, JsonObject o) {
        w.startObject();
        for (String k : o.keys()) {
            Object v = o.raw(k);
            if (v instanceof String s) {
                w.field(k, s);
            } else if (v instanceof Number n) {
                w.name(k).rawNumber(n.toString());
            } else if (v instanceof Boolean b) {
                w.field(k, b);
            } else if (v instanceof Map<?, ?>) {
                w.name(k);
                writeObject(w, o.object(k));
            }
        }
        w.endObject();
    }
}
