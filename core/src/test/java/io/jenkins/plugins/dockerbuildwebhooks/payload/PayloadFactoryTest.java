package io.jenkins.plugins.dockerbuildwebhooks.payload;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dockerbuildwebhooks.image.BuiltImage;
import io.jenkins.plugins.dockerbuildwebhooks.image.ImageReference;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PayloadFactoryTest {

    @org.junit.jupiter.api.Test
    void shouldCreateOnePayloadPerTagWithTheImageIdAsTheSeedListsIt() {
        List<Payload> payloads = PayloadFixtures.demoPayloads();

        assertThat(payloads).extracting(p -> p.pushData().tag()).containsExactly("1.0", "latest");
        assertThat(payloads).extracting(p -> p.reference().canonical())
                .containsExactly("localhost:5000/demo/app:1.0", "localhost:5000/demo/app:latest");
        assertThat(payloads.get(0).pushData().images())
                .containsExactly("dd474e058f40d58eb3a2d981b87a48607c8fab4dd168d7ef7354e833d2b74092");
        assertThat(payloads.get(0).pushData().pushedAt()).isEqualTo(PayloadFixtures.PUSHED_AT);
        assertThat(payloads.get(0).pushData().pusher()).isEqualTo("jenkins-alice");
        assertThat(payloads.get(0).repository().dateCreated()).isEqualTo(PayloadFixtures.CREATED_AT);
    }

    @org.junit.jupiter.api.Test
    void shouldAddTheRegistryDigestOnlyWhenAskedAndKnown() {
        PayloadFacts withDigest = PayloadFacts.builder("p").includeDigest(true).build();
        BuiltImage unpushed = new BuiltImage(ImageReference.parse("myorg/app").repository(), List.of("1"), null, null);
        PayloadFactory factory = new PayloadFactory(PayloadFixtures.clock());

        Payload asked = factory.create(List.of(PayloadFixtures.demoApp()), withDigest).get(0);
        Payload notAsked = PayloadFixtures.demoPayloads().get(0);
        Payload unknown = factory.create(List.of(unpushed), withDigest).get(0);

        assertThat(asked.pushData().digest()).isEqualTo(PayloadFixtures.DIGEST);
        assertThat(new String(PayloadWriter.toBytes(asked, PayloadProfile.DOCKER_HUB), java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("{\"callback_url\":\"\","
                        + "\"push_data\":{\"digest\":\"" + PayloadFixtures.DIGEST + "\",\"images\":[");
        assertThat(notAsked.pushData().digest()).isNull();
        assertThat(unknown.pushData().digest()).isNull();
        assertThat(new String(PayloadWriter.toBytes(unknown, PayloadProfile.DOCKER_HUB), java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("digest");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "nginx|library/nginx|library|nginx|library|https://hub.docker.com/_/nginx|true|false",
        "myorg/app|myorg/app|myorg|app|myorg|https://hub.docker.com/r/myorg/app|false|false",
        "docker.io/myorg/team/app|myorg/team/app|myorg/team|app|myorg|https://hub.docker.com/r/myorg/team/app|false|false",
        "localhost:5000/team/app|localhost:5000/team/app|localhost:5000/team|app|team|http://localhost:5000/team/app|false|true",
        "localhost:5000/app|localhost:5000/app|localhost:5000|app|localhost:5000|http://localhost:5000/app|false|true",
        "ghcr.io/org/sub/app|ghcr.io/org/sub/app|ghcr.io/org/sub|app|org|https://ghcr.io/org/sub/app|false|true",
    })
    void shouldDeriveNamesForDockerHubAndOtherRegistries(String reference, String repoName, String namespace,
            String name, String owner, String repoUrl, boolean official, boolean isPrivate) {
        BuiltImage image = new BuiltImage(ImageReference.parse(reference).repository(), List.of("1"), null, null);

        RepositoryInfo info = new PayloadFactory(PayloadFixtures.clock())
                .create(List.of(image), PayloadFacts.builder("p").build()).get(0).repository();

        assertThat(info.repoName()).isEqualTo(repoName);
        assertThat(info.namespace()).isEqualTo(namespace);
        assertThat(info.name()).isEqualTo(name);
        assertThat(info.namespace() + "/" + info.name()).isEqualTo(info.repoName());
        assertThat(info.owner()).isEqualTo(owner);
        assertThat(info.repoUrl()).isEqualTo(repoUrl);
        assertThat(info.isOfficial()).isEqualTo(official);
        assertThat(info.isPrivate()).isEqualTo(isPrivate);
        assertThat(info.status()).isEqualTo("Active");
    }

    @org.junit.jupiter.api.Test
    void shouldDefaultTheCreationDateToThePushTimeAndLetFactsOverridePrivacy() {
        BuiltImage image = new BuiltImage(ImageReference.parse("myorg/app").repository(), List.of(), null, null);

        Payload payload = new PayloadFactory(PayloadFixtures.clock())
                .create(List.of(image), PayloadFacts.builder("p").isPrivate(true).isTrusted(false).build()).get(0);

        assertThat(payload.pushData().tag()).isEqualTo("latest");
        assertThat(payload.pushData().images()).isEmpty();
        assertThat(payload.repository().dateCreated()).isEqualTo(PayloadFixtures.PUSHED_AT);
        assertThat(payload.repository().isPrivate()).isTrue();
        assertThat(payload.repository().isTrusted()).isFalse();
        assertThat(payload.callbackUrl()).isEmpty();
    }
}
