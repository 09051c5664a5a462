package io.jenkins.plugins.dockerbuildwebhooks.payload;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the build knows beyond the images themselves: who pushed, when the repository was created,
 * the Dockerfile, descriptions, the callback URL, where events come from. Immutable; build with
 * {@link #builder(String)}.
 */
public final class PayloadFacts {
    /** The event source when none is given: names the sender, not a place. */
    public static final String DEFAULT_EVENT_SOURCE = "urn:docker-build-webhooks";

    private final String pusher;
    private final Instant dateCreated;
    private final String callbackUrl;
    private final String dockerfile;
    private final String description;
    private final String fullDescription;
    private final Boolean isPrivate;
    private final boolean isTrusted;
    private final boolean includeDigest;
    private final String eventSource;
    private final String userAgent;
    private final Function<String, String> callbackUrls;

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
        this.eventSource = b.eventSource;
        this.userAgent = b.userAgent;
        this.callbackUrls = b.callbackUrls;
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

    /**
     * The callback URL of the delivery {@code deliveryId}: the per-delivery function when one was
     * given ({@link Builder#callbackUrls}), else {@link #callbackUrl()}.
     */
    public String callbackUrlFor(String deliveryId) {
        String url = callbackUrls == null ? null : callbackUrls.apply(deliveryId);
        return url == null ? callbackUrl : url;
    }

    /**
     * Where events come from, a URI reference: CloudEvents {@code source} and CDEvents
     * {@code context.source} (in Jenkins the build's URL); its host is the registry notification's
     * {@code source.addr}.
     */
    public String eventSource() {
        return eventSource;
    }

    /** The sender's name and version, for the registry notification's {@code request.useragent}. */
    public String userAgent() {
        return userAgent;
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
        private String eventSource = DEFAULT_EVENT_SOURCE;
        private String userAgent = "docker-build-webhooks";
        private Function<String, String> callbackUrls;

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

        /**
         * A callback URL per delivery, computed from the delivery's id (each carries its own token);
         * a null result falls back to {@link #callbackUrl(String)}.
         */
        public Builder callbackUrls(Function<String, String> perDelivery) {
            this.callbackUrls = perDelivery;
            return this;
        }

        /**
         * Where events come from (default {@value PayloadFacts#DEFAULT_EVENT_SOURCE}).
         *
         * @throws IllegalArgumentException naming the value when it is no URI reference of printable ASCII
         *     (it travels in an HTTP header)
         */
        public Builder eventSource(String value) {
            this.eventSource = value == null || value.isBlank() ? DEFAULT_EVENT_SOURCE : checkedSource(value.strip());
            return this;
        }

        public Builder userAgent(String value) {
            this.userAgent = value == null || value.isBlank() ? "docker-build-webhooks" : value;
            return this;
        }

        private static String checkedSource(String value) {
            if (!value.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '"')) {
                throw new IllegalArgumentException("event source \"" + value + "\" must be a URI reference of printable "
                        + "ASCII without spaces or quotes (it is sent as the ce-source header)");
            }
            try {
                new URI(value);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("event source \"" + value + "\" is not a URI reference: "
                        + e.getReason(), e);
            }
            return value;
        }

        public PayloadFacts build() {
            return new PayloadFacts(this);
        }
    }
}
