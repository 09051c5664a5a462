package io.jenkins.plugins.dockerbuildwebhooks.payload;

import java.util.Objects;

/**
 * Everything an endpoint chooses about the format: the profile, and for {@code cdevents} the spec
 * version and the CloudEvents mode (ignored by the other profiles). The CLI and the plugin pass
 * their three settings as text to {@link #parse} and use the {@link #writer()} it gives.
 */
public record FormatOptions(PayloadProfile profile, CdEventsSpec cdEventsSpec, CloudEventsMode cloudEventsMode) {
    public FormatOptions {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(cdEventsSpec, "cdEventsSpec");
        Objects.requireNonNull(cloudEventsMode, "cloudEventsMode");
    }

    /** The profile with the default spec (0.4.1) and mode (binary). */
    public static FormatOptions of(PayloadProfile profile) {
        return new FormatOptions(profile, CdEventsSpec.V0_4_1, CloudEventsMode.BINARY);
    }

    /**
     * Reads the three settings; blank ones take their defaults ({@code docker-hub}, {@code 0.4.1},
     * {@code binary}).
     *
     * @throws IllegalArgumentException naming the bad value and the valid ones
     */
    public static FormatOptions parse(String profile, String cdEventsSpec, String cloudEventsMode) {
        PayloadProfile p = profile == null || profile.isBlank() ? PayloadProfile.DOCKER_HUB : PayloadProfile.fromId(profile);
        return new FormatOptions(p, CdEventsSpec.fromVersion(cdEventsSpec), CloudEventsMode.fromId(cloudEventsMode));
    }

    /** The writer of this format. */
    public FormatWriter writer() {
        return switch (profile) {
            case DOCKER_HUB, DOCKER_HUB_LEGACY -> new DockerHubFormat(profile);
            case REGISTRY_NOTIFICATION -> new RegistryNotificationFormat();
            case CDEVENTS -> new CdEventsFormat(cdEventsSpec, cloudEventsMode);
        };
    }
}
