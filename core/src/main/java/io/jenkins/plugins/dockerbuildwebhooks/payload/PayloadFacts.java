package io.jenkins.plugins.dockerbuildwebhooks.payload;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the build knows beyond the images themselves: who pushed, when the repository was created,
 * the Dockerfile, descriptions, the callback URL. Immutable; build with {@link #builder(String)}.
 */
public final class PayloadFacts {
    private final String pusher;
    private final Instant dateCreated;
    private final String callbackUrl;
    private final String dockerfile;
    private final String description;
    private final String fullDescription;
    private final Boolean isPrivate;
    private final boolean isTrusted;
    private final boolean includeDigest;

    private PayloadFacts(Builder b) {
        this.pusher = b.pusher;
        this.dateCreated = b.dateCreated;
        this.callbackUrl = b.callbackUrl;
        this.dockerfile = b.dockerfile;
        this.description = b.description;
        this.fullDescription = b.fullDescription;
        this.isPrivate = b.isPrivate;
        this.isTrusted = b.isTrusted;
        this.includeDigest = b.includeDigest;
    }

    public static Builder builder(String pusher) {
        return new Builder(pusher);
    }

    public String pusher() {
        return pusher;
    }

    public Optional<Instant> dateCreated() {
        return Optional.ofNullable(dateCreated);
    }

    public String callbackUrl() {
        return callbackUrl;
    }

    public String dockerfile() {
        return dockerfile;
    }

    public String description() {
        return description;
    }

    public Optional<String> fullDescription() {
        return Optional.ofNullable(fullDescription);
    }

    /** Explicit privacy; empty means "derive from the registry". */
    public Optional<Boolean> isPrivate() {
        return Optional.ofNullable(isPrivate);
    }

    public boolean isTrusted() {
        return isTrusted;
    }

    /** Whether payloads carry the registry digest as {@code push_data.digest}. */
    public boolean includeDigest() {
        return includeDigest;
    }

    /** Builder with the defaults docs/payload.md lists. */
    public static final class Builder {
        private final String pusher;
        private Instant dateCreated;
        private String callbackUrl = "";
        private String dockerfile = "";
        private String description = "";
        private String fullDescription;
        private Boolean isPrivate;
        private boolean isTrusted = true;
        private boolean includeDigest;

        private Builder(String pusher) {
            this.pusher = Objects.requireNonNull(pusher, "pusher");
            if (pusher.isBlank()) {
                throw new IllegalArgumentException("pusher must not be blank");
            }
        }

        /** When the repository was created; defaults to the push time. */
        public Builder dateCreated(Instant value) {
            this.dateCreated = value;
            return this;
        }

        public Builder callbackUrl(String value) {
            this.callbackUrl = value == null ? "" : value;
            return this;
        }

        /** The Dockerfile's text; see {@link DockerfileText} for reading it with its size bound. */
        public Builder dockerfile(String value) {
            this.dockerfile = value == null ? "" : value;
            return this;
        }

        public Builder description(String value) {
            this.description = value == null ? "" : value;
            return this;
        }

        public Builder fullDescription(String value) {
            this.fullDescription = value;
            return this;
        }

        public Builder isPrivate(Boolean value) {
            this.isPrivate = value;
            return this;
        }

        public Builder isTrusted(boolean value) {
            this.isTrusted = value;
            return this;
        }

        /**
         * Adds {@code push_data.digest}, the registry's manifest or index digest, when it is known.
         * Docker Hub never sent such a field, so it is off by default; receivers that decode into
         * typed structs ignore unknown fields, and those that pin images by digest can use it.
         */
        public Builder includeDigest(boolean value) {
            this.includeDigest = value;
            return this;
        }

        public PayloadFacts build() {
            return new PayloadFacts(this);
        }
    }
}
