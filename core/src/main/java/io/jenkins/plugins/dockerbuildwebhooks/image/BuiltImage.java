package io.jenkins.plugins.dockerbuildwebhooks.image;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What one build left in one repository: its tags, the image ID (config digest) when all 64
 * digits are known, the manifest or index digest the registry holds when it was pushed, and what
 * the sources tell about that manifest (media type, size, per-platform manifests of an index).
 */
public final class BuiltImage {
    private final RepositoryName repository;
    private final SortedSet<String> tags;
    private final ImageId imageId;
    private final Digest registryDigest;
    private final ManifestInfo manifest;

    /**
     * @param imageId must be complete when given; short IDs never stand in for an image ID
     */
    public BuiltImage(RepositoryName repository, Collection<String> tags, ImageId imageId, Digest registryDigest) {
        this(repository, tags, imageId, registryDigest, null);
    }

    /**
     * @param manifest what is known of the manifest {@code registryDigest} names; null when nothing is
     */
    public BuiltImage(RepositoryName repository, Collection<String> tags, ImageId imageId, Digest registryDigest,
            ManifestInfo manifest) {
        if (manifest != null && !manifest.digest().equals(registryDigest)) {
            throw new IllegalArgumentException("the manifest described (" + manifest.digest() + ") is not the registry "
                    + "digest " + registryDigest + " of " + repository);
        }
        this.manifest = manifest;
        this.repository = Objects.requireNonNull(repository, "repository");
        this.tags = Collections.unmodifiableSortedSet(new TreeSet<>(tags));
        if (imageId != null && !imageId.isComplete()) {
            throw new IllegalArgumentException("short image ID " + imageId + " given for " + repository
                    + ": only complete IDs are reported");
        }
        this.imageId = imageId;
        this.registryDigest = registryDigest;
    }

    public RepositoryName repository() {
        return repository;
    }

    /** Tags, sorted. */
    public SortedSet<String> tags() {
        return tags;
    }

    public Optional<ImageId> imageId() {
        return Optional.ofNullable(imageId);
    }

    public Optional<Digest> registryDigest() {
        return Optional.ofNullable(registryDigest);
    }

    /** What the sources tell about the manifest or index the registry digest names. */
    public Optional<ManifestInfo> manifest() {
        return Optional.ofNullable(manifest);
    }

    /** The per-platform image manifests when the registry digest names a multi-platform index, else empty. */
    public List<PlatformManifest> platforms() {
        return manifest == null ? List.of() : manifest.platforms();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BuiltImage b && b.repository.equals(repository) && b.tags.equals(tags)
                && Objects.equals(b.imageId, imageId) && Objects.equals(b.registryDigest, registryDigest)
                && Objects.equals(b.manifest, manifest);
    }

    @Override
    public int hashCode() {
        return Objects.hash(repository, tags, imageId, registryDigest, manifest);
    }

    @Override
    public String toString() {
        return repository.familiarName() + tags + " id=" + imageId + " digest=" + registryDigest
                + (platforms().isEmpty() ? "" : " platforms=" + platforms().stream().map(p -> p.platform().toString())
                        .toList());
    }
}
