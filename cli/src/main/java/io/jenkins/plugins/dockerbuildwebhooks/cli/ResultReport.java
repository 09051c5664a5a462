package io.jenkins.plugins.dockerbuildwebhooks.cli;

import io.jenkins.plugins.dockerbuildwebhooks.delivery.Attempt;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.DeliveryResult;
import io.jenkins.plugins.dockerbuildwebhooks.json.JsonWriter;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Prints delivery results: a table for people, JSON for machines. Neither ever holds a secret or a full URL. */
final class ResultReport {
    private ResultReport() {}

    /** A tag a profile could not describe for an endpoint, and why: nothing was sent for it. */
    record Skipped(String endpointId, String image, String reason) {}

    /** {@code labels} maps delivery ids to what was sent (e.g. {@code demo/app:1.0}). */
    static void table(List<DeliveryResult> results, Map<String, String> labels, PrintStream err) {
        table(results, List.of(), labels, err);
    }

    /** The table with a SKIPPED row per tag that was not sent. */
    static void table(List<DeliveryResult> results, List<Skipped> skipped, Map<String, String> labels, PrintStream err) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ENDPOINT", "IMAGE", "DELIVERY", "OUTCOME", "STATUS", "ATTEMPTS", "MESSAGE"});
        for (DeliveryResult r : results) {
            rows.add(new String[] {r.endpointId(), labels.getOrDefault(r.deliveryId(), "-"), r.deliveryId(),
                r.outcome().name(), r.status() == 0 ? "-" : Integer.toString(r.status()),
                Integer.toString(r.attempts().size()), r.message()});
        }
        for (Skipped s : skipped) {
            rows.add(new String[] {s.endpointId(), s.image(), "-", "SKIPPED", "-", "0", s.reason()});
        }
        int[] widths = new int[7];
        for (String[] row : rows) {
            for (int i = 0; i < 6; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                line.append(String.format("%-" + widths[i] + "s  ", row[i]));
            }
            line.append(row[6]);
            err.println(line.toString().stripTrailing());
        }
        long ok = results.stream().filter(DeliveryResult::success).count();
        err.println(ok + " of " + results.size() + (results.size() == 1 ? " delivery" : " deliveries") + " succeeded"
                + (skipped.isEmpty() ? "" : "; " + skipped.size() + " skipped"));
    }

    static void json(List<DeliveryResult> results, Map<String, String> labels, PrintStream out) {
        json(results, List.of(), labels, out);
    }

    /** The results, and under {@code skipped} what was not sent and why. */
    static void json(List<DeliveryResult> results, List<Skipped> skipped, Map<String, String> labels, PrintStream out) {
        try (JsonWriter w = JsonWriter.to(out, true)) {
            w.startObject().name("results").startArray();
            for (DeliveryResult r : results) {
                w.startObject()
                        .field("endpoint", r.endpointId())
                        .field("url", r.maskedUrl())
                        .field("delivery", r.deliveryId());
                if (labels.containsKey(r.deliveryId())) {
                    w.field("image", labels.get(r.deliveryId()));
                }
                w.field("outcome", r.outcome().name())
                        .field("success", r.success())
                        .field("status", r.status())
                        .field("message", r.message())
                        .field("responseExcerpt", r.responseExcerpt());
                w.name("attempts").startArray();
                for (Attempt a : r.attempts()) {
                    w.startObject().field("n", a.number()).field("at", a.startedAt().toString()).field("status", a.status());
                    if (a.error() != null) {
                        w.field("error", a.error());
                    }
                    w.field("latencyMs", a.latency().toMillis()).endObject();
                }
                w.endArray().endObject();
            }
            w.endArray();
            if (!skipped.isEmpty()) {
                w.name("skipped").startArray();
                for (Skipped s : skipped) {
                    w.startObject().field("endpoint", s.endpointId()).field("image", s.image())
                            .field("reason", s.reason()).endObject();
                }
                w.endArray();
            }
            w.endObject();
        }
        out.println();
        out.flush();
    }
}
