package io.jenkins.plugins.dockerbuildwebhooks.extract;

import io.jenkins.plugins.dockerbuildwebhooks.image.Digest;
import io.jenkins.plugins.dockerbuildwebhooks.image.ImageId;
import io.jenkins.plugins.dockerbuildwebhooks.image.ImageReference;
import io.jenkins.plugins.dockerbuildwebhooks.image.ManifestInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one source says about one image: the references it was given (a reference may carry the
 * registry digest it was pushed with), its image ID (complete or short), a registry digest for
 * all of them, and digests that are known <em>not</em> to be image IDs (manifests and indexes)
 * or known never to have reached a registry. A fact without names is anonymous: the collector
 * places it by image ID or by the names given explicitly. Descriptions of manifests
 * ({@link ManifestInfo}: media type, size, platforms) are addressed by their digest, so they need
 * no name: they go to whichever image that digest turns out to be the registry digest of.
 */
public final class ImageFact {
    private final String source;
    private final Precedence precedence;
    private final List<ImageReference> names;
    private final ImageId imageId;
    private final Digest digest;
    private final Set<Digest> manifestDigests;
    private final Set<Digest> localDigests;
    private final List<ManifestInfo> manifests;

    private ImageFact(Builder b) {
        this.source = b.source;
        this.precedence = b.precedence;
        this.names = Collections.unmodifiableList(new ArrayList<>(b.names));
        this.imageId = b.imageId;
        this.digest = b.digest;
        this.manifestDigests = Collections.unmodifiableSet(new LinkedHashSet<>(b.manifestDigests));
        this.localDigests = Collections.unmodifiableSet(new LinkedHashSet<>(b.localDigests));
        this.manifests = List.copyOf(b.manifests);
    }

    public static Builder builder(String source, Precedence precedence) {
        return new Builder(source, precedence);
    }

    public String source() {
        return source;
    }

    public Precedence precedence() {
        return precedence;
    }

    public List<ImageReference> names() {
        return names;
    }

    public Optional<ImageId> imageId() {
        return Optional.ofNullable(imageId);
    }

    public Optional<Digest> digest() {
        return Optional.ofNullable(digest);
    }

    /** Manifest and index digests this source saw: none of them can be an image ID. */
    public Set<Digest> manifestDigests() {
        return manifestDigests;
    }

    /** Manifest digests this source shows were exported but never pushed. */
    public Set<Digest> localDigests() {
        return localDigests;
    }

    /** Descriptions of manifests or indexes this source saw, each addressed by its digest. */
    public List<ManifestInfo> manifests() {
        return manifests;
    }

    /** Whether the fact tells anything at all. */
    public boolean isEmpty() {
        return names.isEmpty() && imageId == null && digest == null && manifestDigests.isEmpty()
                && localDigests.isEmpty() && manifests.isEmpty();
    }

    @Override
    public String toString() {
        return source + " (" + precedence.label() + "): " + names + " id=" + imageId + " digest=" + digest;
    }

    /** Collects the parts of a fact. */
    public static final class Builder {
        private final String source;
        private final Precedence precedence;
        private final List<ImageReference> names = new ArrayList<>();
        private ImageId imageId;
        private Digest digest;
        private final Set<Digest> manifestDigests = new LinkedHashSet<>();
        private final Set<Digest> localDigests = new LinkedHashSet<>();
        private final List<ManifestInfo> manifests = new ArrayList<>();

        private Builder(String source, Precedence precedence) {
            this.source = Objects.requireNonNull(source, "source");
            this.precedence = Objects.requireNonNull(precedence, "precedence");
        }

        public Builder name(ImageReference reference) {
            names.add(Objects.requireNonNull(reference, "reference"));
            return this;
        }

        public Builder imageId(ImageId id) {
            this.imageId = id;
            return this;
        }

        public Builder digest(Digest registryDigest) {
            this.digest = registryDigest;
            return this;
        }

        public Builder manifestDigest(Digest manifestOrIndex) {
            manifestDigests.add(Objects.requireNonNull(manifestOrIndex, "manifestOrIndex"));
            return this;
        }

        public Builder localDigest(Digest neverPushed) {
            localDigests.add(Objects.requireNonNull(neverPushed, "neverPushed"));
            return this;
        }

        /** Describes a manifest or index; its digest and its platforms' digests are manifest digests. */
        public Builder manifest(ManifestInfo description) {
            manifests.add(Objects.requireNonNull(description, "description"));
            manifestDigests.add(description.digest());
            description.platforms().forEach(p -> manifestDigests.add(p.digest()));
            return this;
        }

        public ImageFact build() {
            return new ImageFact(this);
        }
    }
}
