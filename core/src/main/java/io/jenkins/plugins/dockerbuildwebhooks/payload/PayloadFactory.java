package io.jenkins.plugins.dockerbuildwebhooks.payload;

import io.jenkins.plugins.dockerbuildwebhooks.image.BuiltImage;
import io.jenkins.plugins.dockerbuildwebhooks.image.ImageId;
import io.jenkins.plugins.dockerbuildwebhooks.image.ImageReference;
import io.jenkins.plugins.dockerbuildwebhooks.image.RepositoryName;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Turns built images and build facts into payloads: one per pushed repository:tag, as Docker Hub
 * sends them. Every field's derivation is documented in docs/payload.md; keep the two in step.
 */
public final class PayloadFactory {
    private final Clock clock;

    /** @param clock gives {@code pushed_at}; injected so payloads are reproducible in tests */
    public PayloadFactory(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Payloads for every tag of every image, in the images' order and tags sorted. */
    public List<Payload> create(Collection<BuiltImage> images, PayloadFacts facts) {
        List<Payload> payloads = new ArrayList<>();
        for (PushedTag tag : PushedTag.of(images, clock)) {
            payloads.add(create(tag, facts, facts.callbackUrl()));
        }
        return payloads;
    }

    /** The payload of one pushed tag, with {@code callbackUrl} (empty for none). */
    public static Payload create(PushedTag pushed, PayloadFacts facts, String callbackUrl) {
        BuiltImage image = pushed.image();
        String tag = pushed.tag();
        Instant pushedAt = pushed.pushedAt();
        RepositoryName repository = image.repository();
        List<String> imageIds = image.imageId().map(ImageId::hex).map(List::of).orElse(List.of());
        String digest = facts.includeDigest() ? image.registryDigest().map(Object::toString).orElse(null) : null;
        PushData pushData = new PushData(imageIds, pushedAt, facts.pusher(), tag, digest);
        RepositoryNames names = RepositoryNames.of(repository);
        RepositoryInfo info = new RepositoryInfo(
                0,
                facts.dateCreated().orElse(pushedAt),
                facts.description(),
                facts.dockerfile(),
                facts.fullDescription().orElse(null),
                repository.isOfficial(),
                facts.isPrivate().orElse(!repository.isDockerHub()),
                facts.isTrusted(),
                names.name(),
                names.namespace(),
                names.owner(),
                names.repoName(),
                names.repoUrl(),
                0,
                "Active");
        return new Payload(ImageReference.of(repository, tag), callbackUrl == null ? "" : callbackUrl, pushData, info);
    }
}
