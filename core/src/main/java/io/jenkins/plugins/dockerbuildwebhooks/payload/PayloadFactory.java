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
        Instant pushedAt = Instant.ofEpochSecond(clock.instant().getEpochSecond());
        List<Payload> payloads = new ArrayList<>();
        for (BuiltImage image : images) {
            List<String> tags = image.tags().isEmpty() ? List.of(ImageReference.DEFAULT_TAG) : List.copyOf(image.tags());
            for (String tag : tags) {
                payloads.add(create(image, tag, facts, pushedAt));
            }
        }
        return payloads;
    }

    private Payload create(BuiltImage image, String tag, PayloadFacts facts, Instant pushedAt) {
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
        return new Payload(ImageReference.of(repository, tag), facts.callbackUrl(), pushData, info);
    }
}
