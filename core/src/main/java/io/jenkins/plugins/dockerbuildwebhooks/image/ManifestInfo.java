package io.jenkins.plugins.dockerbuildwebhooks.image;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the sources tell about the manifest (or index) a registry digest names: its media type and
 * size where some source shows them, and, for an index, the image manifest of each platform.
 * Nothing here is guessed: an unknown media type or size stays empty.
 *
 * @param mediaType null when no source shows it
 * @param size negative when no source shows it
 * @param platforms the per-platform image manifests (attestations left out); empty for a single manifest
 */
public record ManifestInfo(Digest digest, String mediaType, long size, List<PlatformManifest> platforms) {
    /** OCI image index and Docker manifest list: the two kinds of multi-platform index. */
    public static final List<String> INDEX_TYPES = List.of(
            "application/vnd.oci.image.index.v1+json", "application/vnd.docker.distribution.manifest.list.v2+json");

    public ManifestInfo {
        Objects.requireNonNull(digest, "digest");
        platforms = List.copyOf(platforms);
        size = size < 0 ? -1 : size;
    }

    public Optional<String> optMediaType() {
        return Optional.ofNullable(mediaType);
    }

    public OptionalLong optSize() {
        return size < 0 ? OptionalLong.empty() : OptionalLong.of(size);
    }

    /** Whether this is an index: its media type says so, or it lists platforms. */
    public boolean isIndex() {
        return !platforms.isEmpty() || mediaType != null && INDEX_TYPES.contains(mediaType);
    }

    /**
     * This description completed by {@code other} (of the same digest): known values win over
     * unknown ones, so sources that each show a part add up.
     */
    public ManifestInfo merge(ManifestInfo other) {
        if (!other.digest.equals(digest)) {
            throw new IllegalArgumentException("cannot merge descriptions of " + digest + " and " + other.digest);
        }
        return new ManifestInfo(digest, mediaType != null ? mediaType : other.mediaType,
                size >= 0 ? size : other.size, platforms.isEmpty() ? other.platforms : platforms);
    }
}
