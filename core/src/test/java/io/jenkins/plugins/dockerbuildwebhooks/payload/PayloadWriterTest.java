package io.jenkins.plugins.dockerbuildwebhooks.payload;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dockerbuildwebhooks.json.JsonObject;
import io.jenkins.plugins.dockerbuildwebhooks.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayloadWriterTest {

    @Test
    void shouldWriteTheGoldenPayloadInTheDockerHubProfile() throws IOException {
        Payload payload = PayloadFixtures.demoPayloads().get(0);

        String json = new String(PayloadWriter.toBytes(payload, PayloadProfile.DOCKER_HUB), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo(golden("golden-docker-hub.json"));
    }

    @Test
    void shouldWriteTheGoldenPayloadInTheLegacyProfile() throws IOException {
        Payload payload = PayloadFixtures.demoPayloads().get(0);

        String json = new String(PayloadWriter.toBytes(payload, PayloadProfile.DOCKER_HUB_LEGACY), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo(golden("golden-docker-hub-legacy.json"));
    }

    @Test
    void shouldReproduceTheSeedKeySetAndJsonTypesInTheLegacyProfile() throws IOException {
        Map<String, String> seed = types(JsonReader.parseObject(resource("seed-example.json"), "seed-example.json"));
        byte[] legacy = PayloadWriter.toBytes(PayloadFixtures.demoPayloads().get(0), PayloadProfile.DOCKER_HUB_LEGACY);

        Map<String, String> ours = types(JsonReader.parseObject(legacy, "legacy payload"));

        Map<String, String> expected = new LinkedHashMap<>(seed);
        expected.put("push_data.tag", "string");
        assertThat(ours).isEqualTo(expected);
        assertThat(seed).containsEntry("repository.comment_count", "string")
                .containsEntry("push_data.pushed_at", "float")
                .containsEntry("repository.date_created", "float");
    }

    @Test
    void shouldUseIntegersForEveryNumberInTheDockerHubProfile() {
        byte[] json = PayloadWriter.toBytes(PayloadFixtures.demoPayloads().get(0), PayloadProfile.DOCKER_HUB);

        Map<String, String> types = types(JsonReader.parseObject(json, "payload"));

        assertThat(types).containsEntry("push_data.pushed_at", "integer")
                .containsEntry("repository.date_created", "integer")
                .containsEntry("repository.comment_count", "integer")
                .containsEntry("repository.star_count", "integer")
                .doesNotContainValue("float");
        assertThat(types.keySet()).containsExactlyInAnyOrderElementsOf(legacyKeys());
    }

    @Test
    void shouldFormatEpochSecondsLikeTheSeed() {
        assertThat(PayloadWriter.scientific(1_417_566_161L)).isEqualTo("1.417566161e+09");
        assertThat(PayloadWriter.scientific(1_417_494_799L)).isEqualTo("1.417494799e+09");
        assertThat(PayloadWriter.scientific(1_000_000_000L)).isEqualTo("1.0e+09");
        assertThat(PayloadWriter.scientific(17_000_000_000L)).isEqualTo("1.7e+10");
        assertThat(PayloadWriter.scientific(7L)).isEqualTo("7.0e+00");
        assertThat(new BigDecimal("1.417566161e+09").longValueExact()).isEqualTo(1_417_566_161L);
    }

    @Test
    void shouldWriteAnArrayWithOnePayloadPerTag() {
        byte[] array = PayloadWriter.toArray(PayloadFixtures.demoPayloads(), PayloadProfile.DOCKER_HUB, false);

        Object parsed = JsonReader.parse(array, "array");

        assertThat(parsed).isInstanceOf(List.class);
        assertThat((List<?>) parsed).hasSize(2);
    }

    private Iterable<String> legacyKeys() {
        byte[] legacy = PayloadWriter.toBytes(PayloadFixtures.demoPayloads().get(0), PayloadProfile.DOCKER_HUB_LEGACY);
        return types(JsonReader.parseObject(legacy, "legacy")).keySet();
    }

    /** Flattens an object into "a.b" -> JSON type, the shape a typed receiver cares about. */
    static Map<String, String> types(JsonObject object) {
        Map<String, String> out = new LinkedHashMap<>();
        flatten("", object, out);
        return out;
    }

    private static void flatten(String prefix, JsonObject object, Map<String, String> out) {
        for (String key : object.keys()) {
            Object value = object.raw(key);
            String path = prefix + key;
            if (value instanceof Map) {
                flatten(path + ".", object.object(key), out);
            } else {
                out.put(path, typeOf(value));
            }
        }
    }

    private static String typeOf(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Long) {
            return "integer";
        }
        if (value instanceof BigDecimal) {
            return "float";
        }
        if (value instanceof Boolean) {
            return "boolean";
        }
        if (value instanceof List<?> list) {
            return "array of " + (list.isEmpty() ? "nothing" : typeOf(list.get(0)));
        }
        return "object";
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = PayloadWriterTest.class.getResourceAsStream("/payload/" + name)) {
            assertThat(in).as("test resource /payload/" + name).isNotNull();
            return in.readAllBytes();
        }
    }

    private static String golden(String name) throws IOException {
        return new String(resource(name), StandardCharsets.UTF_8).strip();
    }
}
