package io.jenkins.plugins.dockerbuildwebhooks.payload;

import io.jenkins.plugins.dockerbuildwebhooks.extract.CollectedImages;
import io.jenkins.plugins.dockerbuildwebhooks.extract.ImageInputs;
import io.jenkins.plugins.dockerbuildwebhooks.image.BuiltImage;
import io.jenkins.plugins.dockerbuildwebhooks.image.Digest;
import io.jenkins.plugins.dockerbuildwebhooks.image.ImageId;
import io.jenkins.plugins.dockerbuildwebhooks.image.ImageReference;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;

/** Shared inputs for payload tests: the image from the fixtures' classic build, a fixed clock. */
final class PayloadFixtures {
    static final String IMAGE_ID = "sha256:dd474e058f40d58eb3a2d981b87a48607c8fab4dd168d7ef7354e833d2b74092";
    static final String DIGEST = "sha256:456ca21c6abc22828289715cebd9dbbbd76314ef0a5f117dda29dccc0311f5cc";
    static final Instant PUSHED_AT = Instant.ofEpochSecond(1_417_566_161L);
    static final Instant CREATED_AT = Instant.ofEpochSecond(1_417_494_799L);

    private PayloadFixtures() {}

    static Clock clock() {
        return Clock.fixed(PUSHED_AT.plusMillis(730), ZoneOffset.UTC);
    }

    static BuiltImage demoApp() {
        return new BuiltImage(ImageReference.parse("localhost:5000/demo/app").repository(), List.of("latest", "1.0"),
                ImageId.parse(IMAGE_ID), Digest.parse(DIGEST));
    }

    static PayloadFacts facts() {
        return PayloadFacts.builder("jenkins-alice")
                .dateCreated(CREATED_AT)
                .callbackUrl("https://jenkins.example.com/docker-build-webhooks/callback/tok")
                .dockerfile("FROM scratch\nCOPY hello /hello\n")
                .description("demo app")
                .build();
    }

    /**
     * The multi-platform image of the real buildx push whose registry notifications are in
     * {@code fixtures/docker/registry-events/}: read from its log, metadata file and raw index as
     * {@code images} reads them.
     */
    static BuiltImage multiPlatform() {
        return collect("--log", "buildx-multiplatform-push-events.txt", "--metadata-file",
                "buildx-multiplatform-events-metadata.json", "--manifest", "buildx-multiplatform-events-imagetools-inspect-raw.txt");
    }

    /** The linux/amd64 + linux/arm/v7 manifest list (a platform variant) of the no-provenance push. */
    static BuiltImage multiPlatformWithVariant() {
        return collect("--log", "buildx-multiplatform-push-noprovenance.txt", "--metadata-file",
                "buildx-multiplatform-noprovenance-metadata.json", "--manifest",
                "buildx-multiplatform-noprovenance-imagetools-inspect-raw.txt");
    }

    /** An image the sources show without registry digest (built, never pushed). */
    static BuiltImage notPushed() {
        return new BuiltImage(ImageReference.parse("localhost:5000/demo/app").repository(), List.of("1.0"),
                ImageId.parse(IMAGE_ID), null);
    }

    static Path fixtures() {
        try {
            return Paths.get(PayloadFixtures.class.getResource("/fixtures/docker/expected.json").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BuiltImage collect(String... args) {
        ImageInputs inputs = new ImageInputs();
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--log" -> inputs.log(args[i + 1]);
                case "--metadata-file" -> inputs.metadataFile(Path.of(args[i + 1]));
                case "--manifest" -> inputs.manifestFile(Path.of(args[i + 1]));
                default -> throw new IllegalArgumentException(args[i]);
            }
        }
        try {
            CollectedImages result = inputs.collect(fixtures(), new ByteArrayInputStream(new byte[0]));
            return result.images().get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Delivery ids as the sender makes them, numbered so tests can tell them apart. */
    static Supplier<String> ids() {
        int[] n = {0};
        return () -> "msg_test" + (++n[0]);
    }

    static List<Payload> demoPayloads() {
        return new PayloadFactory(clock()).create(List.of(demoApp()), facts());
    }
}
