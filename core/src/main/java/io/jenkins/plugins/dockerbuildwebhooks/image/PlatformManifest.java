package io.jenkins.plugins.dockerbuildwebhooks.image;

import java.util.Objects;

/**
 * One per-platform image manifest of a multi-platform index: its digest, media type and size as
 * the index lists them, and the platform it is for.
 */
public record PlatformManifest(Digest digest, String mediaType, long size, Platform platform) {
    public PlatformManifest {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(platform, "platform");
        if (size < 0) {
            throw new IllegalArgumentException("manifest " + digest + ": negative size " + size);
        }
    }
}
