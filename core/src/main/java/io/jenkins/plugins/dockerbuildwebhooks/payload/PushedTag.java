package io.jenkins.plugins.dockerbuildwebhooks.payload;

import io.jenkins.plugins.dockerbuildwebhooks.image.BuiltImage;
import io.jenkins.plugins.dockerbuildwebhooks.image.Digest;
import io.jenkins.plugins.dockerbuildwebhooks.image.ImageReference;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The facts every format is written from: one pushed repository:tag, the image it belongs to (ID,
 * registry digest, manifest description) and when it was pushed.
 *
 * @param reference the repository:tag, fully qualified
 * @param pushedAt whole seconds: every format writes the same instant
 */
public record PushedTag(ImageReference reference, BuiltImage image, Instant pushedAt) {
    public PushedTag {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(image, "image");
        pushedAt = Instant.ofEpochSecond(pushedAt.getEpochSecond());
    }

    /**
     * One per tag of every image (a tag-less image is {@code :latest}), in the images' order and
     * tags sorted, all pushed at the clock's current second: the order {@link PayloadFactory} uses.
     */
    public static List<PushedTag> of(Collection<BuiltImage> images, Clock clock) {
        Instant now = clock.instant();
        List<PushedTag> tags = new ArrayList<>();
        for (BuiltImage image : images) {
            List<String> names = image.tags().isEmpty() ? List.of(ImageReference.DEFAULT_TAG) : List.copyOf(image.tags());
            for (String tag : names) {
                tags.add(new PushedTag(ImageReference.of(image.repository(), tag), image, now));
            }
        }
        return tags;
    }

    /** The tag's name. */
    public String tag() {
        return reference.tag();
    }

    /** The manifest or index digest the registry holds for the tag, when a source showed it. */
    public Optional<Digest> digest() {
        return image.registryDigest();
    }

    @Override
    public String toString() {
        return reference.toString();
    }
}
