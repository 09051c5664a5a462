package io.jenkins.plugins.dockerbuildwebhooks.image;

import java.util.Objects;
import java.util.Optional;

/**
 * The platform one manifest of an index is for, as the index's {@code platform} object names it:
 * {@code os}, {@code architecture} and, for ARM, a {@code variant} ({@code linux/arm/v7}).
 *
 * @param variant null when the index names none
 */
public record Platform(String os, String architecture, String variant) {
    public Platform {
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(architecture, "architecture");
        if (os.isBlank() || architecture.isBlank()) {
            throw new IllegalArgumentException("a platform needs an os and an architecture, not \"" + os + "/"
                    + architecture + "\"");
        }
        variant = variant == null || variant.isBlank() ? null : variant;
    }

    public Optional<String> optVariant() {
        return Optional.ofNullable(variant);
    }

    /** {@code os/architecture[/variant]}, as {@code docker buildx build --platform} takes it. */
    @Override
    public String toString() {
        return os + "/" + architecture + (variant == null ? "" : "/" + variant);
    }
}
