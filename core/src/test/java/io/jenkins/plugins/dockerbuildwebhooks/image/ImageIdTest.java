package io.jenkins.plugins.dockerbuildwebhooks.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ImageIdTest {
    private static final String HEX = "dd474e058f40d58eb3a2d981b87a48607c8fab4dd168d7ef7354e833d2b74092";

    @Test
    void shouldReadFullIdsWithAndWithoutPrefix() {
        ImageId prefixed = ImageId.parse("sha256:" + HEX);
        ImageId bare = ImageId.parse(HEX);

        assertThat(prefixed).isEqualTo(bare);
        assertThat(prefixed.isComplete()).isTrue();
        assertThat(prefixed.toString()).isEqualTo("sha256:" + HEX);
        assertThat(prefixed.toDigest()).map(Digest::hex).contains(HEX);
    }

    @Test
    void shouldRecogniseShortIdsAsPrefixesOnly() {
        ImageId docker = ImageId.parse("dd474e058f40");
        ImageId podman = ImageId.parse("dd474e058f4");

        assertThat(docker.isComplete()).isFalse();
        assertThat(docker.toDigest()).isEmpty();
        assertThat(docker.matches(ImageId.parse(HEX))).isTrue();
        assertThat(podman.matches(docker)).isTrue();
        assertThat(docker.matches(ImageId.parse("aa474e058f40"))).isFalse();
        assertThat(ImageId.parse(HEX).shortForm()).isEqualTo("dd474e058f40");
    }

    @Test
    void shouldRejectWhatIsNoId() {
        assertThatThrownBy(() -> ImageId.parse("sha256:" + HEX.substring(1)))
                .isInstanceOf(InvalidReferenceException.class).hasMessageContaining("found 63");
        assertThatThrownBy(() -> ImageId.parse("dd47"))
                .isInstanceOf(InvalidReferenceException.class).hasMessageContaining("too short");
        assertThatThrownBy(() -> ImageId.parse("DD474E058F40"))
                .isInstanceOf(InvalidReferenceException.class).hasMessageContaining("lowercase");
        assertThatThrownBy(() -> ImageId.parse(HEX + "0"))
                .isInstanceOf(InvalidReferenceException.class).hasMessageContaining("at most 64");
        assertThatThrownBy(() -> ImageId.parse("sha512:" + HEX))
                .isInstanceOf(InvalidReferenceException.class).hasMessageContaining("only sha256");
    }

    @Test
    void shouldNotLetAShortIdStandForABuiltImagesId() {
        RepositoryName repo = ImageReference.parse("app").repository();

        assertThatThrownBy(() -> new BuiltImage(repo, java.util.List.of("1"), ImageId.parse("dd474e058f40"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("short image ID");
    }

    @Test
    void shouldValidateDigests() {
        assertThat(Digest.isValid("sha256:" + HEX)).isTrue();
        assertThat(Digest.isValid("sha256:" + HEX.toUpperCase())).isFalse();
        assertThat(Digest.isValid(HEX)).isFalse();
        assertThatThrownBy(() -> Digest.parse(HEX))
                .isInstanceOf(InvalidReferenceException.class).hasMessageContaining("must start with \"sha256:\"");
        assertThatThrownBy(() -> Digest.parse("sha256:" + HEX.replace('d', 'g')))
                .isInstanceOf(InvalidReferenceException.class).hasMessageContaining("'g' at position 1 ");
    }
}
