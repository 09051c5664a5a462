package io.jenkins.plugins.dockerbuildwebhooks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dockerbuildwebhooks.json.JsonObject;
import io.jenkins.plugins.dockerbuildwebhooks.json.JsonReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code images} run as users run it: the packaged jar as a process, over the real fixtures. */
class ImagesCommandIT {
    /** A few scenarios covering every source option; the core contract test runs them all. */
    private static final Set<String> SCENARIOS = Set.of(
            "classic-build-iidfile-push", "docker-inspect", "buildkit-tty-wide", "buildx-remote-push-provenance-iidfile",
            "buildx-remote-push-single-manifest", "podman-build-iidfile-push-digestfile", "buildah-bud-failure",
            "image-ref-with-digest", "buildx-multiplatform-noprovenance");

    private static final Set<String> FILE_OPTIONS = Set.of("--log", "--iidfile", "--metadata-file", "--digestfile",
            "--inspect", "--manifest");

    /** Runs {@code images} with the file arguments resolved against the fixtures folder. */
    static CliProcess.Result images(String stdin, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("images"));
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            boolean file = i > 0 && FILE_OPTIONS.contains(args.get(i - 1)) && !"-".equals(arg);
            command.add(file ? CliProcess.fixtures().resolve(arg).toString() : arg);
        }
        return CliProcess.run(stdin == null ? null : stdin.getBytes(StandardCharsets.UTF_8),
                command.toArray(String[]::new));
    }

    static Stream<Arguments> scenarios() throws IOException {
        JsonObject root = JsonReader.parseObject(Files.readAllBytes(CliProcess.fixtures().resolve("expected.json")),
                "expected.json");
        return root.objects("scenarios").stream().filter(s -> SCENARIOS.contains(s.string("id")))
                .map(s -> Arguments.of(s.string("id"), s));
    }

    /** repository → "tags imageId digest [platform@digest...]"; reads expected.json's and the command's shapes. */
    static Map<String, String> images(JsonObject document) {
        Map<String, String> out = new TreeMap<>();
        for (JsonObject image : document.objects("images")) {
            List<String> platforms = new ArrayList<>();
            if (image.has("platforms")) {
                for (JsonObject p : image.objects("platforms")) {
                    String platform = p.optString("platform").orElseGet(() -> p.string("os") + "/"
                            + p.string("architecture") + p.optString("variant").map(v -> "/" + v).orElse(""));
                    platforms.add(platform + "@" + p.string("digest"));
                }
            }
            out.put(image.string("repository"), new TreeSet<>(image.strings("tags")) + " "
                    + image.optString("imageId").orElse("null") + " " + image.optString("digest").orElse("null")
                    + " " + platforms);
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void shouldPrintWhatExpectedJsonSays(String id, JsonObject scenario) throws Exception {
        CliProcess.Result run = images(null, scenario.strings("args"));

        assertThat(run.exitCode()).as("%s: %s", id, run.stderr()).isZero();
        assertThat(images(JsonReader.parseObject(run.stdout().getBytes(StandardCharsets.UTF_8), "stdout")))
                .isEqualTo(images(scenario.object("expected")));
    }

    @Test
    void shouldReadALogFromStandardInput() throws Exception {
        String log = Files.readString(CliProcess.fixtures().resolve("buildkit-plain.txt"));

        CliProcess.Result run = images(log, List.of("--log", "-"));

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).isEqualTo("{\"images\":[{\"repository\":\"localhost:5000/demo/app-bk\","
                + "\"tags\":[\"1.0\",\"latest\"],\"imageId\":"
                + "\"sha256:9573f7e72bc0e1ab7b565872d32468aa5d050088ab7b9cc4d8e8e91b90efa7b9\",\"digest\":null}]}\n");
    }

    @Test
    void shouldExitTwoNamingBothSourcesWhenTheyDisagree() throws Exception {
        CliProcess.Result run = images(null, List.of("--log", "buildkit-plain.txt", "--iidfile", "docker-classic-iidfile.txt"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).contains("buildkit-plain.txt", "docker-classic-iidfile.txt", "disagree")
                .doesNotContain("\tat ");
    }

    @Test
    void shouldSayWhyAFailedBuildGaveNothing() throws Exception {
        CliProcess.Result run = images(null, List.of("--log", "docker-classic-build-failure.txt"));

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).isEqualTo("{\"images\":[]}\n");
        assertThat(run.stderr()).contains("a build failed", "returned a non-zero code: 3");
    }

    @Test
    void shouldNameABadFileAndItsProblem(@TempDir Path dir) throws Exception {
        Path empty = Files.createFile(dir.resolve("iid.txt"));

        CliProcess.Result run = CliProcess.run("images", "--iidfile", empty.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains(empty.toString() + ": is empty").doesNotContain("\tat ");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "empty|is empty: no build or push output recognised",
        "binary|is not text (it holds NUL bytes): no build or push output",
        "text|no build or push output of docker, BuildKit, buildx, podman or buildah recognised in it",
    })
    void shouldNoteALogWithNothingRecognisedWithTheExitCodesDocsCliMdGives(String kind, String note, @TempDir Path dir)
            throws Exception {
        Path log = dir.resolve("build.log");
        switch (kind) {
            case "empty" -> Files.createFile(log);
            case "binary" -> Files.write(log, new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, '\n', 'S', 't'});
            default -> Files.writeString(log, "npm test\n42 passing\n");
        }

        CliProcess.Result images = CliProcess.run("images", "--log", log.toString());
        CliProcess.Result payload = CliProcess.run("payload", "--log", log.toString());
        CliProcess.Result send = CliProcess.run("send", "--log", log.toString(), "--url", "http://127.0.0.1:9/");

        assertThat(images.exitCode()).as("images prints no image and says why").isZero();
        assertThat(images.stdout()).contains("{\"images\":[]}");
        assertThat(images.stderr()).contains("note: " + log + ": " + note);
        for (CliProcess.Result stopped : List.of(payload, send)) {
            assertThat(stopped.exitCode()).as("nothing to build or send").isEqualTo(2);
            assertThat(stopped.stderr()).contains("no images found").contains(log + ": " + note);
        }
    }

    @Test
    void shouldFeedTheSameSourcesToPayload() throws Exception {
        CliProcess.Result run = CliProcess.run("payload", "--log",
                CliProcess.fixtures().resolve("docker-classic-build.txt").toString(), "--iidfile",
                CliProcess.fixtures().resolve("docker-classic-iidfile.txt").toString());

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).contains("\"tag\":\"1.0\"", "\"tag\":\"latest\"",
                "dd474e058f40d58eb3a2d981b87a48607c8fab4dd168d7ef7354e833d2b74092");
    }

    @Test
    void shouldAskForASourceWhenNoneIsGiven() throws Exception {
        CliProcess.Result run = CliProcess.run("images");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).startsWith("images: no image sources: give --log");
    }
}
