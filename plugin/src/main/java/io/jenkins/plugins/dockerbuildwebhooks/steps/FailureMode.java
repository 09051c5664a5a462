package io.jenkins.plugins.dockerbuildwebhooks.steps;

import hudson.util.ListBoxModel;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a failed delivery does to the build. */
public enum FailureMode {
    /** Record and log it only. */
    NEVER("never"),
    /** Mark the build unstable. */
    UNSTABLE("unstable"),
    /** Fail the build (the step throws, the post-build action aborts). */
    FAILURE("failure");

    public static final FailureMode DEFAULT = UNSTABLE;

    private final String id;

    FailureMode(String id) {
        this.id = id;
    }

    /** The name used in Pipeline and forms. */
    public String id() {
        return id;
    }

    /**
     * The mode named {@code text} (case-insensitive); empty means the default.
     *
     * @throws IllegalArgumentException naming the input and the valid names
     */
    public static FailureMode fromId(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (wanted.isEmpty()) {
            return DEFAULT;
        }
        for (FailureMode m : values()) {
            if (m.id.equals(wanted)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown failureMode \"" + text + "\" (expected one of "
                + Arrays.stream(values()).map(FailureMode::id).collect(Collectors.joining(", ")) + ")");
    }

    static ListBoxModel choices() {
        ListBoxModel model = new ListBoxModel();
        model.add(Messages.FailureMode_unstable(), UNSTABLE.id);
        model.add(Messages.FailureMode_failure(), FAILURE.id);
        model.add(Messages.FailureMode_never(), NEVER.id);
        return model;
    }
}
