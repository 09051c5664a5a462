package io.jenkins.plugins.dockerbuildwebhooks.image;

import java.util.Objects;
import java.util.Optional;

/**
 * An image ID: the digest of the image's config. Tools print it whole ({@code sha256:<64 hex>},
 * or 64 hex digits without the prefix as podman does) or shortened (the classic builder's
 * {@code Successfully built dd474e058f40}, podman's {@code --> dd474e058f4}). A short ID is kept
 * as what it is, a prefix: it can confirm a full ID but never stands in for one.
 */
public final class ImageId {
    /** Shortest prefix accepted as a short ID; Docker prints 12, podman and buildah 11. */
    public static final int MIN_SHORT_LENGTH = 10;

    private final String hex;

    private ImageId(String hex) {
        this.hex = hex;
    }

    /**
     * Parses {@code sha256:<64 hex>}, {@code <64 hex>} or a short ID of 10 to 63 hex digits.
     *
     * @throws InvalidReferenceException naming the input and the problem
     */
    public static ImageId parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.startsWith(Digest.PREFIX)) {
            String hex = text.substring(Digest.PREFIX.length());
            Digest.checkHex("image ID", text, hex);
            return new ImageId(hex);
        }
        if (text.indexOf(':') >= 0) {
            throw new InvalidReferenceException("image ID", text, "only sha256 image IDs are supported");
        }
        if (text.length() > Digest.HEX_LENGTH) {
            throw new InvalidReferenceException("image ID", text,
                    "expected at most 64 hex digits but found " + text.length() + " characters");
        }
        if (text.length() < MIN_SHORT_LENGTH) {
            throw new InvalidReferenceException("image ID", text,
                    "too short: an ID needs 64 hex digits, a short ID at least " + MIN_SHORT_LENGTH);
        }
        if (!Digest.isLowerHex(text, 0, text.length())) {
            throw new InvalidReferenceException("image ID", text, "only lowercase hex digits 0-9a-f are allowed");
        }
        return new ImageId(text);
    }

    /** The full ID of a config digest. */
    public static ImageId of(Digest configDigest) {
        return new ImageId(configDigest.hex());
    }

    /** Whether all 64 digits are known. */
    public boolean isComplete() {
        return hex.length() == Digest.HEX_LENGTH;
    }

    /** The hex digits known, without prefix: 64 for a complete ID, fewer for a short one. */
    public String hex() {
        return hex;
    }

    /** The config digest, if the ID is complete. */
    public Optional<Digest> toDigest() {
        return isComplete() ? Optional.of(Digest.ofHex(hex)) : Optional.empty();
    }

    /** Whether both could be the same image: one ID is a prefix of the other. */
    public boolean matches(ImageId other) {
        return hex.startsWith(other.hex) || other.hex.startsWith(hex);
    }

    /** The 12-digit form {@code docker images} shows. */
    public String shortForm() {
        return hex.substring(0, Math.min(12, hex.length()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageId i && i.hex.equals(hex);
    }

    @Override
    public int hashCode() {
        return hex.hashCode();
    }

    /** {@code sha256:<64 hex>} when complete, else the short hex as printed. */
    @Override
    public String toString() {
        return isComplete() ? Digest.PREFIX + hex : hex;
    }
}
