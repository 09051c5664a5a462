package io.jenkins.plugins.dockerbuildwebhooks.extract;

import java.util.Objects;

/**
 * Something the collector wants the person to know: a conflict between sources (the result
 * cannot be trusted), a failed build or push (why nothing was reported for it), or a warning
 * (a value that was set aside, with the reason).
 */
public final class Note {
    /** What kind of note. */
    public enum Kind {
        /** Two sources disagree on a value; the result holds the higher-precedence one. */
        CONFLICT,
        /** A build or push failed; nothing it printed was reported. */
        FAILED,
        /** A value was set aside or could not be placed; the message says why. */
        WARNING
    }

    private final Kind kind;
    private final String message;

    public Note(Kind kind, String message) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.message = Objects.requireNonNull(message, "message");
    }

    public Kind kind() {
        return kind;
    }

    public String message() {
        return message;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Note n && n.kind == kind && n.message.equals(message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, message);
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ": " + message;
    }
}
