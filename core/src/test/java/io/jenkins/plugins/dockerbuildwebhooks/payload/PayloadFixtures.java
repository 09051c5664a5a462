package io.jenkins.plugins.dockerbuildwebhooks.payload;

import io.jenkins.plugins.dockerbuildwebhooks.image.BuiltImage;
import io.jenkins.plugins.dockerbuildwebhooks.image.Digest;
import io.jenkins.plugins.dockerbuildwebhooks.image.ImageId;
import io.jenkins.plugins.dockerbuildwebhooks.image.ImageReference;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

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

    static List<Payload> demoPayloads() {
        return new PayloadFactory(clock()).create(List.of(demoApp()), facts());
    }
}
