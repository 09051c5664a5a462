package io.jenkins.plugins.dockerbuildwebhooks.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dockerbuildwebhooks.json.JsonObject;
import io.jenkins.plugins.dockerbuildwebhooks.json.JsonReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CloudEvents binding of a CDEvent in both modes, and the per-spec differences of the event. */
class CdEventsFormatTest {
    private static final String SOURCE = "https://jenkins.example.com/job/app/7/";

    private static Message render(String spec, String mode) {
        PushedTag tag = PushedTag.of(List.of(PayloadFixtures.demoApp()), PayloadFixtures.clock()).get(0);
        PayloadFacts facts = PayloadFacts.builder("alice").eventSource(SOURCE).build();
        return FormatOptions.parse("cdevents", spec, mode).writer().render(tag, facts, () -> "msg_ce1").messages().get(0);
    }

    @Test
    void shouldPutTheAttributesInHeadersAndTheCdEventInTheBodyInBinaryMode() {
        Message m = render(null, null);

        assertThat(m.headers()).containsEntry("Content-Type", "application/json")
                .containsEntry("ce-specversion", "1.0").containsEntry("ce-id", "msg_ce1")
                .containsEntry("ce-source", SOURCE).containsEntry("ce-type", "dev.cdevents.artifact.published.0.2.0")
                .containsEntry("ce-time", "2014-12-03T00:22:41Z")
                .containsEntry("ce-subject", "pkg:oci/app@" + PayloadFixtures.DIGEST
                        + "?repository_url=localhost:5000%2Fdemo%2Fapp&tag=1.0");
        JsonObject event = JsonReader.parseObject(m.body(), "body");
        assertThat(event.object("context").string("version")).isEqualTo("0.4.1");
        assertThat(event.object("context").string("id")).isEqualTo("msg_ce1");
        assertThat(event.object("subject").string("id")).isEqualTo(m.headers().get("ce-subject"));
        assertThat(event.object("subject").string("type")).isEqualTo("artifact");
        assertThat(event.object("subject").object("content").string("user")).isEqualTo("alice");
    }

    @Test
    void shouldWrapTheCdEventAsDataInStructuredModeWithTheSpecsOwnKeys() {
        Message m = render("0.5.1", "structured");

        assertThat(m.headers()).containsOnlyKeys("Content-Type").containsEntry("Content-Type", "application/cloudevents+json");
        JsonObject cloudEvent = JsonReader.parseObject(m.body(), "body");
        assertThat(cloudEvent.string("specversion")).isEqualTo("1.0");
        assertThat(cloudEvent.string("id")).isEqualTo("msg_ce1");
        assertThat(cloudEvent.string("type")).isEqualTo("dev.cdevents.artifact.published.0.3.0");
        assertThat(cloudEvent.string("datacontenttype")).isEqualTo("application/json");
        JsonObject data = cloudEvent.object("data");
        assertThat(data.object("context").string("specversion")).isEqualTo("0.5.1");
        assertThat(data.object("context").has("version")).isFalse();
        assertThat(data.object("subject").has("type")).as("0.5 dropped subject.type").isFalse();
    }

    @Test
    void shouldRefuseUnknownSpecsModesAndProfilesNamingThem() {
        assertThatThrownBy(() -> FormatOptions.parse("cdevents", "0.3.0", null)).hasMessageContaining("\"0.3.0\"")
                .hasMessageContaining("0.4.1 or 0.5.1");
        assertThatThrownBy(() -> FormatOptions.parse("cdevents", null, "batch")).hasMessageContaining("\"batch\"");
        assertThatThrownBy(() -> FormatOptions.parse("cloudevents", null, null)).hasMessageContaining("\"cloudevents\"")
                .hasMessageContaining("registry-notification");
    }

    @Test
    void shouldRefuseAnEventSourceThatCannotTravelInAHeader() {
        assertThatThrownBy(() -> PayloadFacts.builder("a").eventSource("https://jenkins/job/my job/"))
                .hasMessageContaining("my job").hasMessageContaining("ce-source");
        assertThatThrownBy(() -> PayloadFacts.builder("a").eventSource("http://[::1"))
                .hasMessageContaining("not a URI reference");
    }

    @Test
    void shouldNotLetPayloadWriterWriteDockerHubJsonForAnotherProfile() {
        assertThatThrownBy(() -> PayloadWriter.toBytes(PayloadFixtures.demoPayloads().get(0), PayloadProfile.CDEVENTS))
                .hasMessageContaining("cdevents");
    }
}
