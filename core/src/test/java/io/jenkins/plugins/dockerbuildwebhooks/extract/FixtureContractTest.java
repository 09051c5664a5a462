package io.jenkins.plugins.dockerbuildwebhooks.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every scenario of the real tool outputs in {@code fixtures/docker/expected.json} must come out
 * exactly: same repositories, tags, image IDs and digests (order ignored).
 */
class FixtureContractTest {

    static Stream<FixtureScenarios.Scenario> scenarios() {
        return FixtureScenarios.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void shouldYieldWhatExpectedJsonSays(FixtureScenarios.Scenario scenario) throws IOException {
        CollectedImages result = FixtureScenarios.inputs(scenario.args())
                .collect(FixtureScenarios.folder(), new ByteArrayInputStream(new byte[0]));

        assertThat(FixtureScenarios.actual(result)).as("%s, notes: %s", scenario.id(), result.notes())
                .isEqualTo(scenario.expected());
        assertThat(FixtureScenarios.actualManifests(result, scenario.manifests()))
                .as("media type and size in %s", scenario.id()).isEqualTo(scenario.manifests());
        assertThat(result.hasConflicts()).as("conflicts in %s: %s", scenario.id(), result.notes()).isFalse();
    }

    /**
     * Files that no scenario uses, on purpose: listings and registry/skopeo views (not build
     * sources), tool version output, the build contexts and the capture index.
     */
    private static final Set<String> UNUSED = Set.of(
            "INDEX.tsv", "README.md", "expected.json",
            "buildah-images-digests.txt", "docker-images-digests.txt", "docker-images-digests-notrunc.txt",
            "podman-images-digests.txt", "docker-inspect-format-repodigests.txt", "podman-inspect-format.txt",
            "registry-api-catalog.json", "registry-api-manifest-app-1.0.json", "registry-api-manifest-headers.txt",
            "registry-api-tags-app-bk.json", "skopeo-inspect-config.txt", "skopeo-inspect-format-digest.txt",
            "skopeo-inspect-podman-pushed.txt", "skopeo-inspect-raw.txt", "skopeo-inspect.txt", "skopeo-list-tags.txt",
            "buildx-imagetools-inspect-raw.txt", "buildx-ls.txt", "buildx-version.txt", "buildx-create-remote.txt",
            "buildx013-ls.txt", "buildx013-version.txt", "buildx-multiplatform-imagetools-inspect.txt",
            "buildx-multiplatform-noprovenance-imagetools-inspect-raw.txt",
            "registry-api-multiplatform-index.json", "registry-api-multiplatform-index-headers.txt",
            // used by unit tests rather than scenarios
            "buildah-inspect.json");

    @Test
    void shouldUseEveryFixtureOrListItAsUnused() throws IOException {
        Path folder = FixtureScenarios.folder();
        Set<String> used = FixtureScenarios.all().stream()
                .flatMap(s -> s.args().stream())
                .collect(Collectors.toSet());
        Set<String> unaccounted = new TreeSet<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .filter(name -> !used.contains(name) && !UNUSED.contains(name))
                    .forEach(unaccounted::add);
        }
        assertThat(unaccounted).as("fixtures in no scenario and not listed as unused").isEmpty();
    }
}
