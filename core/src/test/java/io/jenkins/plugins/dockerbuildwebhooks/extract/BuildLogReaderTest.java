package io.jenkins.plugins.dockerbuildwebhooks.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dockerbuildwebhooks.image.BuiltImage;
import io.jenkins.plugins.dockerbuildwebhooks.image.ImageReference;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Log reading beyond the fixture scenarios: several tools in one log, traps, prefixes, failures. */
class BuildLogReaderTest {
    static final String APP_BK_ID = "sha256:9573f7e72bc0e1ab7b565872d32468aa5d050088ab7b9cc4d8e8e91b90efa7b9";
    static final String PODAPP_ID = "sha256:c4de2d2a1cf8a375a46f24319a552aff1b914f2c36abab5b433da3114401a852";

    static String fixture(String name) throws IOException {
        return Files.readString(FixtureScenarios.folder().resolve(name), StandardCharsets.UTF_8);
    }

    static CollectedImages collect(String log) throws IOException {
        return new ImageCollector()
                .log(new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)), "test.log")
                .result();
    }

    @Test
    void shouldKeepSeveralBuildsAndPushesOfOneLogApart() throws IOException {
        String log = fixture("docker-classic-build.txt") + fixture("buildkit-plain.txt") + fixture("podman-build.txt")
                + fixture("docker-push.txt") + fixture("docker-push-all-tags.txt");

        List<BuiltImage> images = collect(log).images();

        assertThat(images).extracting(b -> b.repository().familiarName())
                .containsExactly("localhost:5000/demo/app", "localhost:5000/demo/app-bk", "localhost:5000/demo/podapp");
        assertThat(images.get(0).imageId()).isEmpty();
        assertThat(images.get(0).registryDigest()).hasValueSatisfying(d -> assertThat(d.hex()).startsWith("456ca21c"));
        assertThat(images.get(1).imageId()).hasValueSatisfying(id -> assertThat(id.toString()).isEqualTo(APP_BK_ID));
        assertThat(images.get(1).tags()).containsExactly("1.0", "latest", "quiet");
        assertThat(images.get(2).imageId()).hasValueSatisfying(id -> assertThat(id.toString()).isEqualTo(PODAPP_ID));
    }

    @Test
    void shouldReadAPushedTagThatLooksLikeALayerId() throws IOException {
        // a 12-digit commit hash is a common tag, and has the shape of a layer line's ID
        String digest = "sha256:4b110a714afdb23a14e26a89af7d3aa03207ac3a5947acafcc07952c2b1d595b";
        String log = "The push refers to repository [localhost:5000/demo/app]\n80cd36022ab6: Preparing\n"
                + "80cd36022ab6: Layer already exists\n1f2e3d4c5b6a: digest: " + digest + " size: 524\n";

        List<BuiltImage> images = collect(log).images();

        assertThat(images).singleElement().satisfies(b -> {
            assertThat(b.tags()).containsExactly("1f2e3d4c5b6a");
            assertThat(b.registryDigest()).hasValueSatisfying(d -> assertThat(d.toString()).isEqualTo(digest));
        });
    }

    @Test
    void shouldNameAnImageOnlyFromAWholePushingLine() throws IOException {
        byte[] log = ("#1 [internal] load build definition from Dockerfile\n"
                + "#11 naming to localhost:5000/demo/bxrun:1.0 done\n"
                + "#12 pushed here: localhost:5000/demo/other:1.0 with docker\n"
                + "#12 pushing localhost:5000/demo/bxrun:2.0 with docker\n").getBytes(StandardCharsets.UTF_8);

        List<String> unfiltered = LogReadingPropertiesTest.factsAndNotes(log, false);

        assertThat(unfiltered).isEqualTo(LogReadingPropertiesTest.factsAndNotes(log, true));
        assertThat(unfiltered).singleElement().asString()
                .contains("localhost:5000/demo/bxrun:1.0", "localhost:5000/demo/bxrun:2.0").doesNotContain("other");
    }

    @Test
    void shouldNeverTakeAVertexDigestForAnImage() throws IOException {
        // a log cut at the front: no build has started when the vertex digest comes
        String log = "#5 sha256:e8c613e07b0b7ff33893b694f7759a10d42e180f2b4dc349fb57dc6b71dcab00\n"
                + "#5 naming to localhost:5000/x/y:1 done\n";

        List<BuiltImage> images = collect(log).images();

        assertThat(images).singleElement().satisfies(b -> assertThat(b.imageId()).isEmpty());
    }

    @Test
    void shouldIgnoreAHashPrintedByARunStepOfAClassicBuild() throws IOException {
        String log = "Step 1/2 : FROM base\n ---> b6eefca57da0\nStep 2/2 : RUN sha256sum f | cut -c1-64\n"
                + "d4e4877bac978b7952f0d544fc52ebff5411d351d129f1f056fa43f11da9af2b\n"
                + "Successfully built 1234567890ab\nSuccessfully tagged a/b:1\n";

        CollectedImages result = collect(log);

        assertThat(result.images()).singleElement().satisfies(b -> assertThat(b.imageId()).isEmpty());
        assertThat(result.hasConflicts()).isFalse();
    }

    @Test
    void shouldReadLinesBehindTimestampsAndAnsiColours() throws IOException {
        String log = fixture("buildkit-plain.txt").lines()
                .map(l -> "[2026-11-28T03:01:44.035Z] \u001b[36m" + l + "\u001b[0m")
                .reduce("", (a, b) -> a + b + "\r\n");

        assertThat(collect(log).images()).singleElement()
                .satisfies(b -> assertThat(b.imageId().map(Object::toString)).hasValue(APP_BK_ID));
    }

    @Test
    void shouldNotReportAShortIdThatATtyCut() throws IOException {
        String log = " => => writing image sha256:f8d3f62656615d5c5da4  0.0s\n => => naming to a/b:tty  0.0s\n";

        assertThat(collect(log).images()).singleElement()
                .satisfies(b -> assertThat(b.imageId()).isEmpty());
    }

    @Test
    void shouldReportNothingForAPushThatFailedAfterNaming() throws IOException {
        String log = "#1 [internal] load .dockerignore\n#5 writing image " + APP_BK_ID + " done\n"
                + "#5 naming to localhost:5000/demo/x:1.0 done\n"
                + "ERROR: failed to push localhost:5000/demo/x:1.0: connection refused\n";

        CollectedImages result = collect(log);

        assertThat(result.images()).isEmpty();
        assertThat(result.notes(Note.Kind.FAILED)).singleElement()
                .satisfies(n -> assertThat(n.message()).contains("localhost:5000/demo/x:1.0", "connection refused"));
    }

    @Test
    void shouldKeepABuildWhoseRunStepPrintedAnErrorButWhichSucceeded() throws IOException {
        String log = "Step 1/2 : FROM base\nStep 2/2 : RUN ./check || true\nError: something minor\n"
                + "Successfully built 1234567890ab\nSuccessfully tagged a/b:1\n";

        assertThat(collect(log).images()).extracting(b -> b.repository().familiarName()).containsExactly("a/b");
    }

    @Test
    void shouldSaySeveralConfigsMeanNoSingleImageId() throws IOException {
        String log = "#1 [internal] load .dockerignore\n"
                + "#9 exporting config sha256:" + "a".repeat(64) + " done\n"
                + "#9 exporting config sha256:" + "b".repeat(64) + " done\n"
                + "#9 exporting manifest list sha256:" + "c".repeat(64) + " done\n"
                + "#9 pushing manifest for r.example/a/b:1@sha256:" + "c".repeat(64) + " done\n";

        CollectedImages result = collect(log);

        assertThat(result.images()).singleElement().satisfies(b -> {
            assertThat(b.imageId()).isEmpty();
            assertThat(b.registryDigest().map(Object::toString)).hasValue("sha256:" + "c".repeat(64));
        });
        assertThat(result.notes(Note.Kind.WARNING)).anySatisfy(n -> assertThat(n.message()).contains("multi-platform"));
    }

    @Test
    void shouldTellWhyAFailedBuildGaveNothing() throws IOException {
        CollectedImages result = collect(fixture("podman-build-failure.txt"));

        assertThat(result.images()).isEmpty();
        assertThat(result.notes(Note.Kind.FAILED)).singleElement()
                .satisfies(n -> assertThat(n.message()).startsWith("test.log: a build failed").contains("exit status 3"));
    }

    @Test
    void shouldReadADockerPushOnATerminal() throws IOException {
        // the TTY form: progress bars rewritten in place with cursor moves
        String log = "The push refers to repository [localhost:5000/demo/app]\r\n"
                + "80cd36022ab6: Preparing \r\n\u001b[1A\u001b[2K\r80cd36022ab6: Pushing [=====>     ]  1.2kB/2kB\r\n"
                + "\u001b[1A\u001b[2K\r80cd36022ab6: Pushed \r\n"
                + "1.0: digest: sha256:456ca21c6abc22828289715cebd9dbbbd76314ef0a5f117dda29dccc0311f5cc size: 524\r\n";

        assertThat(collect(log).images()).singleElement().satisfies(b -> {
            assertThat(b.tags()).containsExactly("1.0");
            assertThat(b.registryDigest().map(Object::toString))
                    .hasValue("sha256:456ca21c6abc22828289715cebd9dbbbd76314ef0a5f117dda29dccc0311f5cc");
        });
    }

    @Test
    void shouldLeaveOutAPushToAnotherRepositoryThatFailed() throws IOException {
        CollectedImages result = collect(fixture("docker-push-error-no-such-tag.txt") + fixture("docker-push.txt"));

        assertThat(result.images()).extracting(b -> b.repository().familiarName())
                .containsExactly("localhost:5000/demo/app");
        assertThat(result.notes(Note.Kind.FAILED)).singleElement().satisfies(n -> assertThat(n.message())
                .contains("localhost:5000/demo/nope", "An image does not exist locally"));
    }

    @Test
    void shouldTakeTheIdOfAQuietBuildAfterAFailedOne() throws IOException {
        CollectedImages result = new ImageCollector()
                .log(new ByteArrayInputStream((fixture("docker-classic-build-failure.txt") + fixture("buildkit-quiet.txt"))
                        .getBytes(StandardCharsets.UTF_8)), "test.log")
                .images(List.of(ImageReference.parse("a/b:quiet")), "--image")
                .result();

        assertThat(result.images()).singleElement()
                .satisfies(b -> assertThat(b.imageId().map(Object::toString)).hasValue(APP_BK_ID));
        assertThat(result.notes(Note.Kind.FAILED)).hasSize(1);
    }

    @Test
    void shouldNoteAClassicBuildWhoseCopyFailed() throws IOException {
        CollectedImages result = collect(fixture("docker-classic-build-copy-failure.txt"));

        assertThat(result.images()).isEmpty();
        assertThat(result.notes(Note.Kind.FAILED)).singleElement().satisfies(n -> assertThat(n.message())
                .startsWith("test.log: a build failed, nothing reported for it: COPY failed: ")
                .contains("COPY failed: file not found in build context"));
    }

    @Test
    void shouldSayWhenALogShowsNothingItRecognises() throws IOException {
        byte[] binary = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, '\n', 'S', 't', 'e', 'p'};
        List<String> notes = new java.util.ArrayList<>();
        for (byte[] log : List.of(new byte[0], binary, "npm test\n42 passing\n".getBytes(StandardCharsets.UTF_8))) {
            CollectedImages result = new ImageCollector().log(new ByteArrayInputStream(log), "build.log").result();
            assertThat(result.images()).isEmpty();
            assertThat(result.notes()).hasSize(1);
            notes.add(result.notes().get(0).message());
        }

        assertThat(notes).containsExactly(
                "build.log: is empty: no build or push output recognised",
                "build.log: is not text (it holds NUL bytes): no build or push output of docker, BuildKit, buildx, "
                        + "podman or buildah recognised in it",
                "build.log: no build or push output of docker, BuildKit, buildx, podman or buildah recognised in it");
        assertThat(collect(fixture("docker-push.txt")).notes()).as("a log with output we know gets no such note")
                .isEmpty();
    }
}
