package io.jenkins.plugins.dockerbuildwebhooks.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageReferenceTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "nginx, docker.io/library/nginx:latest, nginx:latest",
        "nginx:1.27, docker.io/library/nginx:1.27, nginx:1.27",
        "library/nginx, docker.io/library/nginx:latest, nginx:latest",
        "docker.io/nginx, docker.io/library/nginx:latest, nginx:latest",
        "index.docker.io/myorg/app:2, docker.io/myorg/app:2, myorg/app:2",
        "myorg/demo-app, docker.io/myorg/demo-app:latest, myorg/demo-app:latest",
        "localhost:5000/demo/app:1.0, localhost:5000/demo/app:1.0, localhost:5000/demo/app:1.0",
        "localhost/app, localhost/app:latest, localhost/app:latest",
        "registry.example.com/team/sub/app:v1.2-rc_3, registry.example.com/team/sub/app:v1.2-rc_3, registry.example.com/team/sub/app:v1.2-rc_3",
        "127.0.0.1:5000/a__b/c--d.e, 127.0.0.1:5000/a__b/c--d.e:latest, 127.0.0.1:5000/a__b/c--d.e:latest",
        "[::1]:5000/app:x, [::1]:5000/app:x, [::1]:5000/app:x",
        "docker.io/a.b/app, docker.io/a.b/app:latest, docker.io/a.b/app:latest",
    })
    void shouldNormaliseLikeTheDockerCli(String input, String canonical, String familiar) {
        ImageReference reference = ImageReference.parse(input);

        assertThat(reference.canonical()).isEqualTo(canonical);
        assertThat(reference.familiar()).isEqualTo(familiar);
    }

    @org.junit.jupiter.api.Test
    void shouldKeepDigestAndSplitRegistryAndPath() {
        String digest = "sha256:456ca21c6abc22828289715cebd9dbbbd76314ef0a5f117dda29dccc0311f5cc";

        ImageReference reference = ImageReference.parse("localhost:5000/demo/app:1.0@" + digest);

        assertThat(reference.repository().domain()).isEqualTo("localhost:5000");
        assertThat(reference.repository().path()).isEqualTo("demo/app");
        assertThat(reference.explicitTag()).contains("1.0");
        assertThat(reference.digest()).map(Digest::toString).contains(digest);
    }

    @org.junit.jupiter.api.Test
    void shouldTellAnOmittedTagFromAnExplicitLatest() {
        assertThat(ImageReference.parse("app").explicitTag()).isEmpty();
        assertThat(ImageReference.parse("app").tag()).isEqualTo("latest");
        assertThat(ImageReference.parse("app:latest").explicitTag()).contains("latest");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "''|is empty",
        "myorg/Demo|repository name must be lowercase",
        "localhost:5000/Team/app|repository name must be lowercase",
        "a//b|empty component",
        "/app|empty component",
        "app/|empty component",
        "app:|tag is empty",
        ":1.0|repository name is empty",
        "app:-x|tag must start with",
        "app:a+b|tag contains '+'",
        "app@sha256:abc|expected 64 hex digits",
        "app@sha256:456CA21C6ABC22828289715CEBD9DBBBD76314EF0A5F117DDA29DCCC0311F5CC|lowercase",
        "app@md5:d41d8cd98f00b204e9800998ecf8427e|unsupported algorithm",
        "a/b..c|misplaced separator",
        "a..b/c|registry \"a..b\" has an empty component",
        "a-/b|misplaced separator",
        "_a/b|must start and end with a letter or digit",
        "exa mple/app|contains ' '",
        "host:99999999/app|invalid port",
        "dd474e058f40d58eb3a2d981b87a48607c8fab4dd168d7ef7354e833d2b74092|is an image ID, not a repository name",
    })
    void shouldRejectBadInputNamingItAndTheProblem(String input, String problem) {
        assertThatThrownBy(() -> ImageReference.parse(input))
                .isInstanceOf(InvalidReferenceException.class)
                .hasMessageContaining("\"" + input + "\"")
                .hasMessageContaining(problem);
    }

    @org.junit.jupiter.api.Test
    void shouldRejectAnOverLongTagSayingHowLongItIs() {
        String tag = "t".repeat(129);

        assertThatThrownBy(() -> ImageReference.parse("app:" + tag))
                .isInstanceOf(InvalidReferenceException.class)
                .hasMessageContaining("129 characters long (at most 128)");
        assertThat(ImageReference.parse("app:" + "t".repeat(128)).tag()).hasSize(128);
    }

    @org.junit.jupiter.api.Test
    void shouldRejectAnOverLongName() {
        String name = "a".repeat(256);

        assertThatThrownBy(() -> ImageReference.parse(name))
                .isInstanceOf(InvalidReferenceException.class)
                .hasMessageContaining("longer than 255");
    }

    @org.junit.jupiter.api.Test
    void shouldKeepErrorMessagesOnOneLine() {
        assertThatThrownBy(() -> ImageReference.parse("app\n:x\u0007"))
                .isInstanceOf(InvalidReferenceException.class)
                .hasMessageNotContaining("\n")
                .hasMessageContaining("\\u000a");
    }

    @org.junit.jupiter.api.Test
    void shouldKnowOfficialImages() {
        assertThat(ImageReference.parse("nginx").repository().isOfficial()).isTrue();
        assertThat(ImageReference.parse("myorg/nginx").repository().isOfficial()).isFalse();
        assertThat(ImageReference.parse("localhost:5000/library/nginx").repository().isOfficial()).isFalse();
    }
}
