package io.jenkins.plugins.dockerbuildwebhooks.payload;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The CDEvents specification version an {@code artifact.published} event is written in. The two
 * differ in the context's version key and in {@code subject.type}, which 0.5 dropped.
 */
public enum CdEventsSpec {
    /** What Flux's {@code cdevents} receiver validates against today; the default. */
    V0_4_1("0.4.1", "dev.cdevents.artifact.published.0.2.0", "version", true),
    V0_5_1("0.5.1", "dev.cdevents.artifact.published.0.3.0", "specversion", false);

    private final String version;
    private final String publishedType;
    private final String versionKey;
    private final boolean subjectType;

    CdEventsSpec(String version, String publishedType, String versionKey, boolean subjectType) {
        this.version = version;
        this.publishedType = publishedType;
        this.versionKey = versionKey;
        this.subjectType = subjectType;
    }

    /** {@code 0.4.1}: the name used on the command line and in configuration. */
    public String version() {
        return version;
    }

    /** The event type of {@code artifact.published} in this version. */
    public String publishedType() {
        return publishedType;
    }

    /** The context key that carries the spec version: {@code version} (0.4) or {@code specversion} (0.5). */
    String versionKey() {
        return versionKey;
    }

    /** Whether {@code subject.type} is written ({@code "artifact"}); 0.5 has no such key. */
    boolean writesSubjectType() {
        return subjectType;
    }

    /**
     * The spec named {@code text}; null or blank means the default, 0.4.1.
     *
     * @throws IllegalArgumentException naming the input and the versions there are
     */
    public static CdEventsSpec fromVersion(String text) {
        if (text == null || text.isBlank()) {
            return V0_4_1;
        }
        for (CdEventsSpec s : values()) {
            if (s.version.equals(text.strip())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown CDEvents spec version \"" + text + "\" (expected "
                + Arrays.stream(values()).map(CdEventsSpec::version).collect(Collectors.joining(" or ")) + ")");
    }

    @Override
    public String toString() {
        return version;
    }
}
