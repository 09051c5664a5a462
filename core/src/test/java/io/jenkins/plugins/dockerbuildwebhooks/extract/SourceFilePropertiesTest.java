package io.jenkins.plugins.dockerbuildwebhooks.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dockerbuildwebhooks.json.JsonFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Fuzzing the file sources: whatever the bytes, reading them either works or throws one of the
 * documented exceptions ({@link BadSourceException}, {@link JsonFormatException}), whose message
 * starts with the file's name.
 */
class SourceFilePropertiesTest {
    private static final List<String> FILES = List.of(
            "inspect.json", "inspect-buildkit-runapp.json", "podman-inspect.json", "buildah-inspect.json",
            "buildx-metadata.json", "buildx-metadata-docker-driver.json", "buildx-remote-metadata-load.json",
            "buildx-remote-metadata-single-manifest.json", "docker-classic-iidfile.txt", "podman-push-digestfile.txt");

    enum Kind { IIDFILE, DIGESTFILE, METADATA, INSPECT }

    @Property(tries = 400)
    void shouldReadOrRefuseMutatedFilesClearly(@ForAll("files") String name, @ForAll Kind kind,
            @ForAll("seeds") long seed) {
        byte[] bytes = LogReadingPropertiesTest.mutate(LogReadingPropertiesTest.fixture(name), new Random(seed));

        assertReadsOrRefuses(bytes, kind);
    }

    @Property(tries = 300)
    void shouldReadOrRefuseRandomBytesClearly(@ForAll @Size(max = 300) byte[] bytes, @ForAll Kind kind) {
        assertReadsOrRefuses(bytes, kind);
    }

    static void assertReadsOrRefuses(byte[] bytes, Kind kind) {
        ImageCollector collector = new ImageCollector();
        try {
            switch (kind) {
                case IIDFILE -> collector.iidFile(new ByteArrayInputStream(bytes), "f.txt");
                case DIGESTFILE -> collector.digestFile(new ByteArrayInputStream(bytes), "f.txt");
                case METADATA -> collector.metadataFile(new ByteArrayInputStream(bytes), "f.txt");
                default -> collector.inspect(new ByteArrayInputStream(bytes), "f.txt");
            }
            collector.result();
        } catch (BadSourceException | JsonFormatException e) {
            assertThat(e.getMessage()).startsWith("f.txt: ");
        } catch (IOException e) {
            throw new AssertionError("a byte array cannot fail to read", e);
        }
    }

    @Provide
    Arbitrary<String> files() {
        return Arbitraries.of(FILES);
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }
}
