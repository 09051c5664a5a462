package io.jenkins.plugins.dockerbuildwebhooks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dockerbuildwebhooks.extract.ImageInputs;
import io.jenkins.plugins.dockerbuildwebhooks.image.BuiltImage;
import io.jenkins.plugins.dockerbuildwebhooks.json.JsonReader;
import io.jenkins.plugins.dockerbuildwebhooks.json.JsonWriter;
import io.jenkins.plugins.dockerbuildwebhooks.payload.CdEventsSpec;
import io.jenkins.plugins.dockerbuildwebhooks.payload.CloudEventsMode;
import io.jenkins.plugins.dockerbuildwebhooks.payload.FormatOptions;
import io.jenkins.plugins.dockerbuildwebhooks.payload.Message;
import io.jenkins.plugins.dockerbuildwebhooks.payload.PayloadFacts;
import io.jenkins.plugins.dockerbuildwebhooks.payload.PayloadProfile;
import io.jenkins.plugins.dockerbuildwebhooks.payload.PushedTag;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proof by the CDEvents spec, not by our own parser: the spec's conformance examples validate with
 * the bundled schemas and networknt's validator (so the harness works), every event the
 * {@code cdevents} profile writes validates against the schema of its spec version, and events
 * that break the schema are caught.
 */
class CdEventSchemasTest {
    private static final CdEventSchemas SCHEMAS = new CdEventSchemas();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T13:50:53Z"), ZoneOffset.UTC);

    static Stream<String> conformanceExamples() {
        List<String> files = new ArrayList<>();
        for (String version : List.of("0.4.1", "0.5.1")) {
            for (String event : List.of("published", "packaged", "signed", "deleted", "downloaded")) {
                files.add("/standards/cdevents/" + version + "/conformance/artifact_" + event + ".json");
            }
        }
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conformanceExamples")
    void shouldAcceptTheSpecsOwnConformanceExamples(String resource) throws IOException {
        try (InputStream in = CdEventSchemasTest.class.getResourceAsStream(resource)) {
            CdEventSchemas.Result result = SCHEMAS.check(in.readAllBytes());

            assertThat(result.outcome()).as("%s: %s", resource, result.problems()).isEqualTo(CdEventSchemas.Outcome.VALID);
        }
    }

    static BuiltImage image(String... args) throws IOException {
        ImageInputs inputs = new ImageInputs();
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--log" -> inputs.log(args[i + 1]);
                case "--metadata-file" -> inputs.metadataFile(Path.of(args[i + 1]));
                case "--manifest" -> inputs.manifestFile(Path.of(args[i + 1]));
                case "--image" -> inputs.image(args[i + 1]);
                default -> throw new IllegalArgumentException(args[i]);
            }
        }
        return inputs.collect(CliProcess.fixtures(), new ByteArrayInputStream(new byte[0])).images().get(0);
    }

    /** The CDEvents themselves: the body in binary mode, {@code data} in structured mode. */
    static List<byte[]> events(BuiltImage image, CdEventsSpec spec, CloudEventsMode mode) {
        PayloadFacts facts = PayloadFacts.builder("alice").eventSource("https://jenkins.example.com/job/app/7/").build();
        int[] n = {0};
        List<byte[]> events = new ArrayList<>();
        for (PushedTag tag : PushedTag.of(List.of(image), CLOCK)) {
            for (Message m : new FormatOptions(PayloadProfile.CDEVENTS, spec, mode).writer()
                    .render(tag, facts, () -> "msg_" + (++n[0])).messages()) {
                if (mode == CloudEventsMode.BINARY) {
                    events.add(m.body());
                } else {
                    Object data = ((Map<?, ?>) JsonReader.parse(m.body(), "structured")).get("data");
                    events.add(JsonWriter.toBytes(false, w -> w.any(data)));
                }
            }
        }
        return events;
    }

    static Stream<Arguments> emitted() throws IOException {
        List<BuiltImage> images = List.of(
                image("--log", "docker-push.txt"),
                image("--log", "buildx-multiplatform-push-events.txt", "--metadata-file",
                        "buildx-multiplatform-events-metadata.json", "--manifest",
                        "buildx-multiplatform-events-imagetools-inspect-raw.txt"),
                image("--log", "buildx-multiplatform-push-noprovenance.txt", "--manifest",
                        "buildx-multiplatform-noprovenance-imagetools-inspect-raw.txt"),
                image("--image", "docker.io/library/nginx:1.27@sha256:" + "a".repeat(64)));
        List<Arguments> out = new ArrayList<>();
        for (BuiltImage image : images) {
            for (CdEventsSpec spec : CdEventsSpec.values()) {
                for (CloudEventsMode mode : CloudEventsMode.values()) {
                    out.add(Arguments.of(image.repository().familiarName(), spec, mode, image));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("emitted")
    void shouldWriteOnlyEventsTheirSpecsSchemaAccepts(String name, CdEventsSpec spec, CloudEventsMode mode,
            BuiltImage image) {
        List<byte[]> events = events(image, spec, mode);

        assertThat(events).as("one event per platform and one for the tag").hasSize(1 + image.platforms().size());
        for (byte[] event : events) {
            CdEventSchemas.Result result = SCHEMAS.check(event);
            assertThat(result.outcome()).as("%s", result.problems()).isEqualTo(CdEventSchemas.Outcome.VALID);
        }
    }

    @Test
    void shouldCatchAnEventWithoutContextId() throws IOException {
        byte[] event = events(image("--log", "docker-push.txt"), CdEventsSpec.V0_4_1, CloudEventsMode.BINARY).get(0);
        String broken = new String(event, java.nio.charset.StandardCharsets.UTF_8).replace("\"id\":\"msg_1\",", "");

        CdEventSchemas.Result result = SCHEMAS.check(broken.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(result.outcome()).isEqualTo(CdEventSchemas.Outcome.INVALID);
        assertThat(result.problems()).anySatisfy(p -> assertThat(p).contains("id"));
    }

    @Test
    void shouldCatchA04EventLabelledAs05() throws IOException {
        byte[] event = events(image("--log", "docker-push.txt"), CdEventsSpec.V0_4_1, CloudEventsMode.BINARY).get(0);
        String relabelled = new String(event, java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"version\":\"0.4.1\"", "\"specversion\":\"0.5.1\"");

        CdEventSchemas.Result result = SCHEMAS.check(relabelled.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(result.outcome()).as("0.5.1 has neither type 0.2.0 nor subject.type")
                .isEqualTo(CdEventSchemas.Outcome.INVALID);
    }

    @Test
    void shouldSayWhenNoSchemaIsBundledForAnEventType() {
        byte[] pipeline = ("{\"context\":{\"version\":\"0.4.1\",\"id\":\"1\",\"source\":\"/s\","
                + "\"type\":\"dev.cdevents.pipelinerun.started.0.2.0\",\"timestamp\":\"2026-12-02T13:50:53Z\"},"
                + "\"subject\":{\"id\":\"x\",\"content\":{}}}").getBytes(java.nio.charset.StandardCharsets.UTF_8);

        CdEventSchemas.Result result = SCHEMAS.check(pipeline);

        assertThat(result.outcome()).isEqualTo(CdEventSchemas.Outcome.NO_SCHEMA);
        assertThat(result.problems()).singleElement().asString().contains("dev.cdevents.pipelinerun.started.0.2.0");
    }
}
