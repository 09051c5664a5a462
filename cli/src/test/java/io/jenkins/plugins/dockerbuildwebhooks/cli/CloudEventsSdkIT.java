package io.jenkins.plugins.dockerbuildwebhooks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dockerbuildwebhooks.json.JsonObject;
import io.jenkins.plugins.dockerbuildwebhooks.json.JsonReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every CDEvent delivery, in both CloudEvents modes, read back by the CloudEvents SDK for
 * JavaScript (npm {@code cloudevents} 10) in a Node receiver on 127.0.0.1 that answers each first
 * attempt 503: the SDK must accept each request as a valid CloudEvent, the retry must carry the same
 * {@code ce-id}, and that id must be the delivery's {@code webhook-id}.
 */
class CloudEventsSdkIT {
    private static final Path RECEIVER = Paths.get("src/test/node");
    private static final String INDEX = "sha256:970d5eab3d40684166474cac83a06e3195b7e0ca9ac211b63745190edbd0e441";

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"binary, 0.4.1, dev.cdevents.artifact.published.0.2.0", "structured, 0.5.1, dev.cdevents.artifact.published.0.3.0"})
    void shouldBeReadByTheJavaScriptSdkWithTheSameIdOnEveryAttempt(String mode, String spec, String type,
            @TempDir Path dir) throws Exception {
        Path node = EndToEnd.executable("/usr/bin/node", "nodejs");
        EndToEnd.require(Files.isDirectory(RECEIVER.resolve("node_modules/cloudevents")),
                "the npm module cloudevents is not installed in cli/src/test/node (npm ci there)");
        int port = ServiceProcess.freePort();
        Path out = dir.resolve("events.jsonl");
        Files.createFile(out);
        try (ServiceProcess receiver = ServiceProcess.start("ce-receiver", dir,
                Map.of("PORT", Integer.toString(port), "OUT", out.toString(), "FAIL_FIRST", "1"),
                List.of(node.toString(), RECEIVER.resolve("ce-receiver.js").toAbsolutePath().toString()), port)) {
            CliProcess.Result run = CliProcess.run("send", "--profile", "cdevents", "--cloudevents-mode", mode,
                    "--cdevents-spec", spec, "--event-source", "https://jenkins.example.com/job/app/7/",
                    "--image", "localhost:5000/demo/mp-events:1.0@" + INDEX,
                    "--manifest", CliProcess.fixtures().resolve("buildx-multiplatform-events-imagetools-inspect-raw.txt")
                            .toString(),
                    "--url", "http://127.0.0.1:" + port + "/ce", "--attempts", "3", "--json");

            assertThat(run.exitCode()).as(run.stderr() + receiver.log()).isZero();
        }
        List<JsonObject> records = new ArrayList<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            records.add(JsonReader.parseObject(line.getBytes(StandardCharsets.UTF_8), "events.jsonl"));
        }
        assertThat(records).as("two platforms and the index, each retried once").hasSize(6);
        Map<String, List<JsonObject>> byDelivery = new LinkedHashMap<>();
        for (JsonObject r : records) {
            assertThat(r.optString("error")).as("the SDK read it").isEmpty();
            JsonObject event = r.object("event");
            assertThat(event.optBoolean("valid")).hasValue(true);
            assertThat(event.string("id")).as("ce-id is the delivery's webhook-id").isEqualTo(r.string("webhookId"));
            assertThat(event.string("type")).isEqualTo(type);
            assertThat(event.string("source")).isEqualTo("https://jenkins.example.com/job/app/7/");
            JsonObject data = event.object("data");
            assertThat(event.string("subject")).isEqualTo(data.object("subject").string("id"));
            assertThat(data.object("context").string("id")).isEqualTo(event.string("id"));
            byDelivery.computeIfAbsent(event.string("id"), k -> new ArrayList<>()).add(r);
        }
        assertThat(byDelivery).hasSize(3);
        byDelivery.values().forEach(attempts -> assertThat(attempts).extracting(a -> a.optLong("status").orElse(0L))
                .containsExactly(503L, 202L));
        List<String> subjects = byDelivery.values().stream().map(a -> a.get(0).object("event").string("subject")).toList();
        // deliveries go out concurrently, so they arrive in any order
        assertThat(subjects).filteredOn(s -> !s.contains("arch=")).containsExactly("pkg:oci/mp-events@" + INDEX
                + "?repository_url=localhost:5000%2Fdemo%2Fmp-events&tag=1.0");
        assertThat(subjects).filteredOn(s -> s.contains("arch=")).hasSize(2)
                .allSatisfy(s -> assertThat(s).contains("os=linux").doesNotContain("tag="));
        assertThat(records.get(0).string("contentType"))
                .startsWith(mode.equals("binary") ? "application/json" : "application/cloudevents+json");
    }
}
