package io.jenkins.plugins.dockerbuildwebhooks.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dockerbuildwebhooks.receiver.ReceivedFormat.Kind;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Recognition by headers and body, and the problems each format is checked for. */
class ReceivedFormatTest {

    private static ReceivedFormat read(Map<String, String> headers, String body) {
        Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.putAll(headers);
        Function<String, String> header = h::get;
        return ReceivedFormat.of(header, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldFlagADockerHubPayloadWithoutTag() {
        ReceivedFormat f = read(Map.of(), "{\"repository\":{\"repo_name\":\"team/app\"},\"push_data\":{}}");

        assertThat(f.kind()).isEqualTo(Kind.DOCKER_HUB);
        assertThat(f.problems()).singleElement().asString().contains("push_data.tag");
    }

    @Test
    void shouldFlagRegistryEventsMissingTheirDigestOrTarget() {
        ReceivedFormat f = read(Map.of(), "{\"events\":[{\"id\":\"1\",\"timestamp\":\"t\",\"action\":\"push\","
                + "\"target\":{\"repository\":\"a\",\"url\":\"u\"}},{\"id\":\"2\"}]}");

        assertThat(f.kind()).isEqualTo(Kind.REGISTRY_NOTIFICATION);
        assertThat(f.problems()).containsExactly("events[0].target.digest is missing", "events[1] has no target object");
    }

    @Test
    void shouldReadBinaryAttributesFromHeadersAndHandOutTheCdEvent() {
        ReceivedFormat f = read(Map.of("ce-specversion", "1.0", "ce-id", "a", "ce-source", "/s",
                "ce-type", "dev.cdevents.artifact.published.0.2.0", "Content-Type", "application/json"),
                "{\"context\":{\"id\":\"b\"},\"subject\":{\"id\":\"pkg:oci/x\"}}");

        assertThat(f.kind()).isEqualTo(Kind.CLOUDEVENTS_BINARY);
        assertThat(f.fields()).contains(new ReceivedFormat.Field("data.subject.id", "pkg:oci/x"));
        assertThat(f.problems()).containsExactly("the CDEvent's context.id b is not the CloudEvent id a");
        assertThat(new String(f.cdEvent(), StandardCharsets.UTF_8)).contains("\"subject\"");
    }

    @Test
    void shouldNotHandOutDataOfOtherEventTypes() {
        ReceivedFormat f = read(Map.of("Content-Type", "application/cloudevents+json"),
                "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"com.example.x\",\"data\":{}}");

        assertThat(f.kind()).isEqualTo(Kind.CLOUDEVENTS_STRUCTURED);
        assertThat(f.problems()).isEmpty();
        assertThat(f.cdEvent()).isNull();
    }

    @Test
    void shouldSayWhyABodyIsNoKnownFormat() {
        assertThat(read(Map.of(), "[1]").problems()).singleElement().asString().contains("neither");
        assertThat(read(Map.of(), "").problems()).containsExactly("the body is empty");
    }
}
