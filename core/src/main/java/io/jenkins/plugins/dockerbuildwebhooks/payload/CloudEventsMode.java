package io.jenkins.plugins.dockerbuildwebhooks.payload;

import java.util.Locale;

/** How a CloudEvent travels over HTTP (CloudEvents HTTP binding 1.0). */
public enum CloudEventsMode {
    /** Attributes in {@code ce-*} headers, the event's data as the body; the default. */
    BINARY("binary"),
    /** The whole CloudEvent as {@code application/cloudevents+json}, the data under {@code data}. */
    STRUCTURED("structured");

    private final String id;

    CloudEventsMode(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /**
     * The mode named {@code text}; null or blank means binary.
     *
     * @throws IllegalArgumentException naming the input
     */
    public static CloudEventsMode fromId(String text) {
        if (text == null || text.isBlank()) {
            return BINARY;
        }
        for (CloudEventsMode m : values()) {
            if (m.id.equals(text.strip().toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown CloudEvents mode \"" + text + "\" (expected binary or structured)");
    }

    @Override
    public String toString() {
        return id;
    }
}
