package io.jenkins.plugins.dockerbuildwebhooks.payload;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The format a pushed tag is sent in. The two Docker Hub profiles carry the same fields and
 * differ in JSON types; the registry notification envelope and CDEvents are other formats
 * altogether. {@link FormatOptions#writer()} gives each one's {@link FormatWriter}.
 */
public enum PayloadProfile {
    /**
     * The seed's field set plus {@code push_data.tag}, every number a JSON integer: what Docker Hub
     * sends today and what typed receivers (keel, go-playground/webhooks, kobold) decode.
     */
    DOCKER_HUB("docker-hub"),
    /**
     * The seed example's types exactly: {@code comment_count} a string, {@code pushed_at} and
     * {@code date_created} floats in scientific notation. Only for receivers written against that
     * page; typed Go receivers reject it.
     */
    DOCKER_HUB_LEGACY("docker-hub-legacy"),
    /**
     * The Docker Distribution registry's notification envelope ({@code {"events":[...]}}), as a
     * registry sends it for a manifest push: for the dockerhub-notification plugin's registry
     * endpoint, keel's registry handler and other receivers of registry events.
     */
    REGISTRY_NOTIFICATION("registry-notification"),
    /** A CDEvents {@code artifact.published} event carried as a CloudEvent. */
    CDEVENTS("cdevents");

    private final String id;

    PayloadProfile(String id) {
        this.id = id;
    }

    /** Whether this is one of the Docker Hub payload shapes ({@link PayloadWriter} writes only those). */
    public boolean isDockerHub() {
        return this == DOCKER_HUB || this == DOCKER_HUB_LEGACY;
    }

    /** The name used in configuration and on the command line. */
    public String id() {
        return id;
    }

    /**
     * Looks a profile up by its {@link #id()} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the input and the valid names
     */
    public static PayloadProfile fromId(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (PayloadProfile p : values()) {
            if (p.id.equals(wanted) || p.name().equalsIgnoreCase(wanted)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown payload profile \"" + text + "\" (expected one of "
                + Arrays.stream(values()).map(PayloadProfile::id).collect(Collectors.joining(", ")) + ")");
    }

    @Override
    public String toString() {
        return id;
    }
}
