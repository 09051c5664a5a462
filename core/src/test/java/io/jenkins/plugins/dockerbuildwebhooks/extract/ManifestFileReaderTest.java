package io.jenkins.plugins.dockerbuildwebhooks.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dockerbuildwebhooks.image.Digest;
import io.jenkins.plugins.dockerbuildwebhooks.image.ImageReference;
import io.jenkins.plugins.dockerbuildwebhooks.image.ManifestInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Raw manifests and indexes: addressed by the hash of their bytes, platforms without attestations. */
class ManifestFileReaderTest {
    private static final Digest INDEX = Digest.parse(
            "sha256:98911fd1eeceb864ec7158aa378034f79cc0620abd562de8c95821dd80a7cff5");

    private static byte[] rawIndex() throws IOException {
        return Files.readAllBytes(FixtureScenarios.folder().resolve("buildx-multiplatform-imagetools-inspect-raw.txt"));
    }

    private static InputStream in(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    @Test
    void shouldAddressTheIndexByTheHashOfItsBytesAndListOnlyImagePlatforms() throws IOException {
        ImageFact fact = ManifestFileReader.read(in(rawIndex()), "raw.json");

        assertThat(fact.manifests()).singleElement().satisfies(m -> {
            assertThat(m.digest()).isEqualTo(INDEX);
            assertThat(m.size()).isEqualTo(1607);
            assertThat(m.isIndex()).isTrue();
            assertThat(m.platforms()).extracting(p -> p.platform().toString()).containsExactly("linux/amd64", "linux/arm64");
        });
        assertThat(fact.names()).as("a raw manifest names no repository").isEmpty();
        assertThat(fact.digest()).as("nor does it say it was pushed").isEmpty();
        assertThat(fact.manifestDigests()).as("platform digests are never image IDs").hasSize(3);
    }

    @Test
    void shouldStillFindTheIndexWhenTheFileGotATrailingLineBreak() throws IOException {
        byte[] withNewline = Arrays.copyOf(rawIndex(), rawIndex().length + 1);
        withNewline[withNewline.length - 1] = '\n';

        ImageFact fact = ManifestFileReader.read(in(withNewline), "raw.json");

        assertThat(fact.manifests()).extracting(ManifestInfo::digest).contains(INDEX);
        assertThat(fact.manifests()).filteredOn(m -> m.digest().equals(INDEX)).extracting(ManifestInfo::size)
                .containsExactly(1607L);
    }

    @Test
    void shouldGiveTheDescriptionToTheImagePushedWithThatDigestOnly() throws IOException {
        CollectedImages result = new ImageCollector()
                .images(java.util.List.of(ImageReference.parse("localhost:5000/demo/mp:1.0@" + INDEX)), "--image")
                .manifestFile(in(rawIndex()), "raw.json")
                .result();

        assertThat(result.images().get(0).platforms()).hasSize(2);
        assertThat(result.notes()).isEmpty();
    }

    @Test
    void shouldNoteARawIndexThatDescribesNoImageFound() throws IOException {
        CollectedImages result = new ImageCollector()
                .images(java.util.List.of(ImageReference.parse("localhost:5000/demo/other:1.0@sha256:" + "e".repeat(64))),
                        "--image")
                .manifestFile(in(rawIndex()), "raw.json")
                .result();

        assertThat(result.images().get(0).platforms()).isEmpty();
        assertThat(result.notes()).singleElement().satisfies(n -> assertThat(n.message())
                .contains("raw.json", INDEX.toString(), "not the registry digest"));
    }

    @Test
    void shouldRefuseJsonThatIsNoManifestNamingTheFile() {
        byte[] metadata = "{\"containerimage.digest\":\"sha256:1\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ManifestFileReader.read(in(metadata), "meta.json"))
                .isInstanceOf(BadSourceException.class)
                .hasMessageContaining("meta.json").hasMessageContaining("schemaVersion");
    }

    @Test
    void shouldRefuseAnIndexEntryWithABadDigestNamingTheKey() {
        byte[] bad = ("{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\"m\",\"digest\":\"sha256:XY\",\"size\":1,"
                + "\"platform\":{\"os\":\"linux\",\"architecture\":\"amd64\"}}]}").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ManifestFileReader.read(in(bad), "raw.json"))
                .hasMessageContaining("raw.json").hasMessageContaining("digest");
    }
}
