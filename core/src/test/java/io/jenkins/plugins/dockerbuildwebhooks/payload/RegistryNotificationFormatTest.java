package io.jenkins.plugins.dockerbuildwebhooks.payload;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dockerbuildwebhooks.json.JsonObject;
import io.jenkins.plugins.dockerbuildwebhooks.json.JsonReader;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The envelope against what a real registry (Debian's docker-registry 2.8) sent for the same
 * multi-platform buildx push ({@code fixtures/docker/registry-events/}): same events for the same
 * manifests, same target fields, the tag only on the index.
 */
class RegistryNotificationFormatTest {

    private static List<JsonObject> registrySent() throws IOException {
        List<JsonObject> events = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            byte[] body = Files.readAllBytes(PayloadFixtures.fixtures().resolve("registry-events/0" + i + ".json"));
            events.addAll(JsonReader.parseObject(body, "registry-events/0" + i + ".json").objects("events"));
        }
        return events;
    }

    private static Message ours() {
        PushedTag tag = PushedTag.of(List.of(PayloadFixtures.multiPlatform()), PayloadFixtures.clock()).get(0);
        Rendering r = FormatOptions.parse("registry-notification", null, null).writer()
                .render(tag, PayloadFixtures.facts(), () -> "msg_one");
        assertThat(r.messages()).as("one delivery per pushed tag").hasSize(1);
        return r.messages().get(0);
    }

    private static List<JsonObject> events(Message m) {
        return JsonReader.parseObject(m.body(), "ours").objects("events");
    }

    private static JsonObject byDigest(List<JsonObject> events, String digest) {
        return events.stream().filter(e -> e.object("target").string("digest").equals(digest)).findFirst().orElseThrow();
    }

    @Test
    void shouldDescribeEachImageManifestAndTheIndexAsTheRegistryDid() throws IOException {
        List<JsonObject> ours = events(ours());
        List<JsonObject> registry = registrySent();

        assertThat(ours).hasSize(3);
        for (JsonObject event : ours) {
            JsonObject mine = event.object("target");
            JsonObject theirs = byDigest(registry, mine.string("digest")).object("target");
            assertThat(mine.keys()).as("target keys").isEqualTo(theirs.keys());
            for (String key : theirs.keys()) {
                assertThat(mine.raw(key)).as("target.%s of %s", key, mine.string("digest")).isEqualTo(theirs.raw(key));
            }
        }
        assertThat(ours.get(2).object("target").optString("tag")).as("the index, last, names the tag").hasValue("1.0");
        assertThat(ours.subList(0, 2)).allSatisfy(e -> assertThat(e.object("target").has("tag")).isFalse());
    }

    @Test
    void shouldHaveTheRegistrysEventShapeWithoutTheRegistrysOwnFields() throws IOException {
        JsonObject mine = events(ours()).get(2);
        JsonObject theirs = byDigest(registrySent(), mine.object("target").string("digest"));

        assertThat(mine.keys()).isEqualTo(theirs.keys());
        Set<String> request = new HashSet<>(theirs.object("request").keys());
        request.remove("addr");
        assertThat(mine.object("request").keys()).as("no client address: we did not receive the push").isEqualTo(request);
        assertThat(mine.object("request").string("method")).isEqualTo("PUT");
        assertThat(mine.object("request").string("host")).isEqualTo(theirs.object("request").string("host"));
        assertThat(mine.string("action")).isEqualTo("push");
        assertThat(mine.object("actor").string("name")).isEqualTo("jenkins-alice");
        assertThat(mine.object("source").string("addr")).isEqualTo(PayloadFacts.DEFAULT_EVENT_SOURCE);
    }

    @Test
    void shouldUseTheDeliveryIdForTheTagsEventAndNumberThePlatformEvents() {
        List<JsonObject> events = events(ours());

        assertThat(events).extracting(e -> e.string("id")).containsExactly("msg_one-1", "msg_one-2", "msg_one");
        assertThat(events).extracting(e -> e.string("timestamp")).containsOnly("2014-12-03T00:22:41Z");
    }

    @Test
    void shouldLeaveOutMediaTypeAndSizeWhenNoSourceShowsThem() {
        PushedTag tag = PushedTag.of(List.of(PayloadFixtures.demoApp()), PayloadFixtures.clock()).get(0);
        Message m = FormatOptions.parse("registry-notification", null, null).writer()
                .render(tag, PayloadFixtures.facts(), () -> "msg_x").messages().get(0);

        JsonObject target = events(m).get(0).object("target");
        assertThat(target.keys()).containsExactly("digest", "repository", "url", "tag");
        assertThat(target.string("url")).isEqualTo("http://localhost:5000/v2/demo/app/manifests/" + PayloadFixtures.DIGEST);
        assertThat(m.contentType()).isEqualTo("application/vnd.docker.distribution.events.v2+json");
    }

    @Test
    void shouldNameTheSendersHostAsSourceNeverItsUserInformation() {
        assertThat(RegistryNotificationFormat.sourceAddr("https://bot:s3cret@jenkins.example.com:8443/job/a/1/"))
                .isEqualTo("jenkins.example.com:8443");
        assertThat(RegistryNotificationFormat.sourceAddr("urn:docker-build-webhooks")).isEqualTo("urn:docker-build-webhooks");
    }
}
