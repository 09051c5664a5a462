package io.jenkins.plugins.dockerbuildwebhooks.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dockerbuildwebhooks.image.Digest;
import io.jenkins.plugins.dockerbuildwebhooks.image.ImageId;
import io.jenkins.plugins.dockerbuildwebhooks.image.ImageReference;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Merging rules: placement of nameless facts, precedence, conflicts, digest kinds. */
class ImageCollectorTest {
    static final ImageId ID_A = ImageId.parse("sha256:" + "a".repeat(64));
    static final ImageId ID_B = ImageId.parse("sha256:" + "b".repeat(64));
    static final Digest DIGEST_C = Digest.parse("sha256:" + "c".repeat(64));
    static final Digest DIGEST_D = Digest.parse("sha256:" + "d".repeat(64));

    static ImageFact named(String source, Precedence p, String ref, ImageId id) {
        return ImageFact.builder(source, p).name(ImageReference.parse(ref)).imageId(id).build();
    }

    @Test
    void shouldReportTwoDifferentImageIdsForOneRepositoryNamingBothSources() {
        CollectedImages result = new ImageCollector()
                .add(named("build.log", Precedence.BUILD_OUTPUT, "r.example/app:1", ID_A))
                .add(ImageFact.builder("iid.txt", Precedence.FILE).imageId(ID_B).build())
                .result();

        assertThat(result.notes(Note.Kind.CONFLICT)).singleElement().satisfies(n -> assertThat(n.message())
                .contains("r.example/app", ID_A.toString(), ID_B.toString(), "build.log", "iid.txt"));
        assertThat(result.images().get(0).imageId()).as("the file outranks build output").hasValue(ID_B);
    }

    @Test
    void shouldPlaceANamelessIdOnTheImageWhoseShortIdItCompletes() {
        CollectedImages result = new ImageCollector()
                .add(named("a.log", Precedence.BUILD_OUTPUT, "r.example/a:1", ImageId.parse("a".repeat(12))))
                .add(named("b.log", Precedence.BUILD_OUTPUT, "r.example/b:1", ImageId.parse("b".repeat(12))))
                .add(ImageFact.builder("iid.txt", Precedence.FILE).imageId(ID_B).build())
                .result();

        assertThat(result.images()).extracting(b -> b.imageId().orElse(null)).containsExactly(null, ID_B);
        assertThat(result.hasConflicts()).isFalse();
    }

    @Test
    void shouldNotGuessWhereANamelessDigestGoesAmongSeveralImages() {
        CollectedImages result = new ImageCollector()
                .add(named("a.log", Precedence.BUILD_OUTPUT, "r.example/a:1", null))
                .add(named("b.log", Precedence.BUILD_OUTPUT, "r.example/b:1", null))
                .add(ImageFact.builder("digest.txt", Precedence.FILE).digest(DIGEST_C).build())
                .result();

        assertThat(result.images()).allSatisfy(b -> assertThat(b.registryDigest()).isEmpty());
        assertThat(result.notes(Note.Kind.WARNING)).singleElement()
                .satisfies(n -> assertThat(n.message()).contains("digest.txt", "several images"));
    }

    @Test
    void shouldPutANamelessDigestOnTheExplicitImage() {
        CollectedImages result = new ImageCollector()
                .add(named("a.log", Precedence.BUILD_OUTPUT, "r.example/a:1", null))
                .images(List.of(ImageReference.parse("r.example/b:1")), "--image")
                .add(ImageFact.builder("digest.txt", Precedence.FILE).digest(DIGEST_C).build())
                .result();

        assertThat(result.images()).extracting(b -> b.registryDigest().orElse(null)).containsExactly(null, DIGEST_C);
    }

    @Test
    void shouldNotTakeAManifestDigestForAnImageId() {
        CollectedImages result = new ImageCollector()
                .add(ImageFact.builder("build.log", Precedence.PUSH_OUTPUT)
                        .name(ImageReference.parse("r.example/a:1@" + DIGEST_C)).manifestDigest(DIGEST_C).build())
                .add(ImageFact.builder("iid.txt", Precedence.FILE).imageId(ImageId.of(DIGEST_C)).build())
                .result();

        assertThat(result.images()).singleElement().satisfies(b -> {
            assertThat(b.imageId()).isEmpty();
            assertThat(b.registryDigest()).hasValue(DIGEST_C);
        });
        assertThat(result.hasConflicts()).isFalse();
    }

    @Test
    void shouldNotReportADigestThatWasNeverPushed() {
        CollectedImages result = new ImageCollector()
                .add(ImageFact.builder("build.log", Precedence.BUILD_OUTPUT).imageId(ID_A).localDigest(DIGEST_D).build())
                .add(ImageFact.builder("meta.json", Precedence.FILE).name(ImageReference.parse("r.example/a:1"))
                        .imageId(ID_A).digest(DIGEST_D).build())
                .result();

        assertThat(result.images()).singleElement().satisfies(b -> assertThat(b.registryDigest()).isEmpty());
        assertThat(result.notes(Note.Kind.WARNING)).anySatisfy(n -> assertThat(n.message()).contains("never pushed"));
    }

    @Test
    void shouldReportDifferentDigestsPushedForOneRepository() {
        CollectedImages result = new ImageCollector()
                .add(ImageFact.builder("push.log", Precedence.PUSH_OUTPUT)
                        .name(ImageReference.parse("r.example/a:1@" + DIGEST_C)).build())
                .add(ImageFact.builder("push.log", Precedence.PUSH_OUTPUT)
                        .name(ImageReference.parse("r.example/a:2@" + DIGEST_D)).build())
                .result();

        assertThat(result.notes(Note.Kind.CONFLICT)).singleElement()
                .satisfies(n -> assertThat(n.message()).contains("registry digest", DIGEST_C.toString(), DIGEST_D.toString()));
    }

    @Test
    void shouldSayANamelessIdWithoutAnyRepositoryNeedsANAme() {
        CollectedImages result = new ImageCollector()
                .add(ImageFact.builder("iid.txt", Precedence.FILE).imageId(ID_A).build())
                .result();

        assertThat(result.images()).isEmpty();
        assertThat(result.notes()).singleElement()
                .satisfies(n -> assertThat(n.message()).isEqualTo("iid.txt: image ID " + ID_A
                        + " has no repository: name it with --image"));
    }
}
