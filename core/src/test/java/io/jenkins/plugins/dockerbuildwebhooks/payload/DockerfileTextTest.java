package io.jenkins.plugins.dockerbuildwebhooks.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerfileTextTest {

    @Test
    void shouldReadASmallDockerfileWhole(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\nLABEL x=\"ü\"\n");

        assertThat(DockerfileText.read(file)).isEqualTo("FROM scratch\nLABEL x=\"ü\"\n");
    }

    @Test
    void shouldCutAHugeFileAtACharacterBoundaryAndSaySo(@TempDir Path dir) throws Exception {
        // 'é' is two bytes: an odd limit would split one if the cut were not boundary-aware
        String line = "# " + "é".repeat(100) + "\n";
        Path file = Files.writeString(dir.resolve("Dockerfile"), line.repeat(2000));
        long size = Files.size(file);

        String text = DockerfileText.read(file);

        assertThat(text).doesNotContain("\uFFFD");
        assertThat(text).endsWith("# (truncated by docker-build-webhooks: " + size + " bytes in all, 65536 kept)\n");
        assertThat(text.getBytes(StandardCharsets.UTF_8).length).isLessThan(DockerfileText.MAX_BYTES + 100);
    }

    @Test
    void shouldReplaceBytesThatAreNotUtf8() {
        byte[] latin1 = "FROM scratch # caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(DockerfileText.fromBytes(latin1, latin1.length)).isEqualTo("FROM scratch # caf\uFFFD");
    }

    @Test
    void shouldNameAMissingFile(@TempDir Path dir) {
        assertThatThrownBy(() -> DockerfileText.read(dir.resolve("nope")))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("nope");
    }
}
