package io.jenkins.plugins.dockerbuildwebhooks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dockerbuildwebhooks.json.JsonObject;
import io.jenkins.plugins.dockerbuildwebhooks.json.JsonReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code receive} recognises what {@code send} sends in each profile and mode, shows the key fields
 * (target, CloudEvents attributes, subject), and flags a CDEvent that breaks its schema.
 */
class ReceiveFormatsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T13:50:53Z"), ZoneOffset.UTC);
    private static final String IMAGE = "localhost:5000/demo/app:1.0@sha256:" + "4".repeat(64);

    private static Receiver start(ByteArrayOutputStream printed) throws Exception {
        Receiver receiver = new Receiver(ReceiverSettings.loopbackDefaults(), CLOCK,
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        receiver.start();
        return receiver;
    }

    private static int send(Receiver receiver, String... options) {
        List<String> args = new ArrayList<>(List.of("--image", IMAGE, "--url", receiver.url() + "hook", "--pusher", "ci"));
        args.addAll(List.of(options));
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream quiet = new PrintStream(sink, true, StandardCharsets.UTF_8);
        return Cli.commandLine(new SendCommand(new Terminal(CLOCK, quiet, quiet, Map.<String, String>of()::get)))
                .execute(args.toArray(String[]::new));
    }

    private static JsonObject lastDelivery(Receiver receiver) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(receiver.url() + "_receive/api/deliveries")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        List<JsonObject> deliveries = JsonReader.parseObject(response.body(), "api").objects("deliveries");
        return deliveries.get(deliveries.size() - 1);
    }

    private static String field(JsonObject format, String name) {
        for (Object f : format.optArray("fields")) {
            List<?> pair = (List<?>) f;
            if (name.equals(pair.get(0))) {
                return (String) pair.get(1);
            }
        }
        return null;
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({
        "docker-hub, 0.4.1, binary, docker-hub, ",
        "registry-notification, 0.4.1, binary, registry-notification, ",
        "cdevents, 0.4.1, binary, cloudevents-binary, valid",
        "cdevents, 0.5.1, structured, cloudevents-structured, valid"})
    void shouldRecogniseEveryFormatSendWrites(String profile, String spec, String mode, String kind, String schema)
            throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (Receiver receiver = start(printed)) {
            int exit = send(receiver, "--profile", profile, "--cdevents-spec", spec, "--cloudevents-mode", mode);

            assertThat(exit).isZero();
            JsonObject format = lastDelivery(receiver).object("format");
            assertThat(format.string("kind")).isEqualTo(kind);
            assertThat(format.strings("problems")).isEmpty();
            assertThat(format.optString("schema").orElse(null)).isEqualTo(schema);
            if (profile.equals("cdevents")) {
                assertThat(field(format, "subject")).startsWith("pkg:oci/app@sha256:4444")
                        .isEqualTo(field(format, "data.subject.id"));
                assertThat(field(format, "id")).startsWith("msg_");
            }
            if (profile.equals("registry-notification")) {
                assertThat(field(format, "events[0]")).isEqualTo("push demo/app:1.0@sha256:" + "4".repeat(64));
            }
        }
        String line = printed.toString(StandardCharsets.UTF_8);
        assertThat(line).contains(profile.equals("docker-hub") ? "localhost:5000/demo/app:1.0"
                : profile.equals("cdevents") ? "schema: valid" : "registry notification push demo/app:1.0");
    }

    @Test
    void shouldFlagACdEventThatBreaksItsSchema() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (Receiver receiver = start(printed)) {
            byte[] body = ("{\"context\":{\"version\":\"0.4.1\",\"id\":\"e1\",\"source\":\"/ci\","
                    + "\"type\":\"dev.cdevents.artifact.published.0.2.0\",\"timestamp\":\"yesterday\"},"
                    + "\"subject\":{\"id\":\"pkg:oci/app\",\"type\":\"artifact\",\"content\":{\"tag\":\"1.0\"}}}")
                    .getBytes(StandardCharsets.UTF_8);
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(receiver.url() + "hook"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .headers("Content-Type", "application/json", "ce-specversion", "1.0", "ce-id", "e1", "ce-source", "/ci",
                            "ce-type", "dev.cdevents.artifact.published.0.2.0").build(),
                    HttpResponse.BodyHandlers.discarding());

            JsonObject format = lastDelivery(receiver).object("format");
            assertThat(format.string("schema")).isEqualTo("invalid");
            assertThat(format.strings("problems")).anySatisfy(p -> assertThat(p).contains("timestamp"))
                    .anySatisfy(p -> assertThat(p).contains("tag"));
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("schema: INVALID (2)");
    }

    @Test
    void shouldFlagACloudEventWithoutRequiredAttributes() throws Exception {
        try (Receiver receiver = start(new ByteArrayOutputStream())) {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(receiver.url() + "hook"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"specversion\":\"1.0\",\"type\":\"x\"}"))
                    .header("Content-Type", "application/cloudevents+json").build(), HttpResponse.BodyHandlers.discarding());

            JsonObject format = lastDelivery(receiver).object("format");
            assertThat(format.string("kind")).isEqualTo("cloudevents-structured");
            assertThat(format.strings("problems")).containsExactly("required attribute id is missing",
                    "required attribute source is missing");
        }
    }
}
