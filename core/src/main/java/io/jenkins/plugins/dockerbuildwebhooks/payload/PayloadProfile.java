package io.jenkins.plugins.dockerbuildwebhooks.payload;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The JSON shape a payload is written in. Both carry the same fields; they differ in JSON types.
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
    DOCKER_HUB_LEGACY("docker-hub-legacy");

    private final String id;

    PayloadProfile(String id) {
        this.id = id;
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
