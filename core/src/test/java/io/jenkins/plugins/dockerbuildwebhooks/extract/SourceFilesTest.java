package io.jenkins.plugins.dockerbuildwebhooks.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dockerbuildwebhooks.image.ImageReference;
import io.jenkins.plugins.dockerbuildwebhooks.json.JsonFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The file sources: what they mean, and clear errors naming the file for bad ones. */
class SourceFilesTest {
    static final String D64 = "sha256:" + "ab".repeat(32);

    static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldRefuseAnEmptyIidfileNamingIt() {
        assertThatThrownBy(() -> new ImageCollector().iidFile(text(""), "iid.txt"))
                .isInstanceOf(BadSourceException.class)
                .hasMessageStartingWith("iid.txt: is empty");
    }

    @Test
    void shouldRefuseADigestOfTheWrongLength() {
        assertThatThrownBy(() -> new ImageCollector().digestFile(text("sha256:abc123"), "digest.txt"))
                .isInstanceOf(BadSourceException.class)
                .hasMessageContaining("digest.txt: is not a --digestfile")
                .hasMessageContaining("64 hex digits");
    }

    @Test
    void shouldRefuseAFileOfSeveralLines() {
        assertThatThrownBy(() -> new ImageCollector().iidFile(text(D64 + "\n" + D64 + "\n"), "iid.txt"))
                .hasMessage("iid.txt: is not an --iidfile: expected one sha256:<64 hex digits> but found 2 lines");
    }

    @Test
    void shouldRefuseBrokenJsonNamingFileAndPlace() {
        assertThatThrownBy(() -> new ImageCollector().metadataFile(text("{\"containerimage.digest\": "), "meta.json"))
                .isInstanceOf(JsonFormatException.class)
                .hasMessageStartingWith("meta.json: not valid JSON");
    }

    @Test
    void shouldRefuseMetadataOfAnotherSchema() {
        assertThatThrownBy(() -> new ImageCollector().metadataFile(text("{\"buildx.build.ref\": \"x\"}"), "meta.json"))
                .isInstanceOf(BadSourceException.class)
                .hasMessageContaining("meta.json: has neither \"containerimage.digest\"");
    }

    @Test
    void shouldRefuseAMetadataDigestOfTheWrongType() {
        assertThatThrownBy(() -> new ImageCollector().metadataFile(text("{\"containerimage.digest\": 12}"), "meta.json"))
                .isInstanceOf(JsonFormatException.class)
                .hasMessage("meta.json: \"containerimage.digest\" must be a string but is a number");
    }

    @Test
    void shouldRefuseInspectOutputGivenAsMetadata() throws IOException {
        byte[] inspect = Files.readAllBytes(FixtureScenarios.folder().resolve("inspect.json"));
        assertThatThrownBy(() -> new ImageCollector().metadataFile(new ByteArrayInputStream(inspect), "inspect.json"))
                .hasMessageContaining("inspect.json: is a JSON array, not a --metadata-file");
    }

    @Test
    void shouldRefuseInspectJsonWithoutId() {
        assertThatThrownBy(() -> new ImageCollector().inspect(text("[{\"RepoTags\": []}]"), "inspect.json"))
                .isInstanceOf(JsonFormatException.class)
                .hasMessage("inspect.json: \"[0].Id\" is missing (expected a string)");
    }

    @Test
    void shouldTakeAnIndexDigestFromProvenanceMetadataButNoImageId() throws IOException {
        // shape of buildx 0.10 with provenance (DOCKER.md: descriptor of an OCI index, no config digest)
        String meta = "{\"containerimage.descriptor\": {\"mediaType\": \"application/vnd.oci.image.index.v1+json\","
                + " \"digest\": \"" + D64 + "\", \"size\": 1}, \"containerimage.digest\": \"" + D64 + "\","
                + " \"image.name\": \"r.example/a/b:1,r.example/a/b:2\"}";

        CollectedImages result = new ImageCollector().metadataFile(text(meta), "meta.json").result();

        assertThat(result.images()).singleElement().satisfies(b -> {
            assertThat(b.tags()).containsExactly("1", "2");
            assertThat(b.imageId()).isEmpty();
            assertThat(b.registryDigest().map(Object::toString)).hasValue(D64);
        });
    }

    @Test
    void shouldTakeNoImageIdFromMultiPlatformMetadata() throws IOException {
        // shape of buildx multi-platform metadata (DOCKER.md): per-platform buildinfo keys, index digest
        String meta = "{\"containerimage.buildinfo/linux/amd64\": {\"frontend\": \"dockerfile.v0\"},"
                + " \"containerimage.buildinfo/linux/arm64\": {\"frontend\": \"dockerfile.v0\"},"
                + " \"containerimage.digest\": \"" + D64 + "\", \"image.name\": \"r.example/a/b:1\"}";

        CollectedImages result = new ImageCollector().metadataFile(text(meta), "meta.json").result();

        assertThat(result.images()).singleElement().satisfies(b -> {
            assertThat(b.imageId()).isEmpty();
            assertThat(b.registryDigest().map(Object::toString)).hasValue(D64);
        });
    }

    @Test
    void shouldReadTheImageIdFromDockerDriverMetadataWithoutPush() throws IOException {
        try (InputStream in = Files.newInputStream(FixtureScenarios.folder().resolve("buildx-metadata-docker-driver.json"))) {
            CollectedImages result = new ImageCollector().metadataFile(in, "meta.json")
                    .images(List.of(ImageReference.parse("a/b:1")),
                            "--image")
                    .result();

            assertThat(result.images()).singleElement().satisfies(b -> {
                assertThat(b.imageId().map(Object::toString))
                        .hasValue("sha256:9573f7e72bc0e1ab7b565872d32468aa5d050088ab7b9cc4d8e8e91b90efa7b9");
                assertThat(b.registryDigest()).isEmpty();
            });
        }
    }

    @Test
    void shouldNeverReportPodmanRepoDigestsFromBuildahInspect() throws IOException {
        try (InputStream in = Files.newInputStream(FixtureScenarios.folder().resolve("buildah-inspect.json"))) {
            CollectedImages result = new ImageCollector().inspect(in, "buildah-inspect.json").result();

            assertThat(result.images()).singleElement().satisfies(b -> {
                assertThat(b.repository().familiarName()).isEqualTo("localhost:5000/demo/bahapp");
                assertThat(b.imageId().map(Object::toString))
                        .hasValue("sha256:c22966bc6acd6416f7908cc6309e71e783fb21c8c8a6693356f86a7e140310e9");
                assertThat(b.registryDigest()).isEmpty();
            });
        }
    }
}
