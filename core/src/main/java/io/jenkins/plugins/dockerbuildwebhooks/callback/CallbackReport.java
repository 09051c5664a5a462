package io.jenkins.plugins.dockerbuildwebhooks.callback;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated callback report. Instances come from {@link CallbackParser}, so the limits it
 * documents hold: {@code description} at most 255 and {@code context} at most 100 characters,
 * neither with control characters, and {@code targetUrl} an absolute http(s) URL. The values are
 * still untrusted text: escape them wherever they are shown.
 *
 * <p>A plain final class rather than a record, because Jenkins stores it with XStream (which
 * cannot write record fields) and Pipeline returns it through Java serialization.
 */
public final class CallbackReport implements Serializable {
    private static final long serialVersionUID = 1L;

    private final CallbackState state;
    private final String description;
    private final String context;
    private final String targetUrl;

    CallbackReport(CallbackState state, String description, String context, String targetUrl) {
        this.state = Objects.requireNonNull(state, "state");
        this.description = Objects.requireNonNull(description, "description");
        this.context = Objects.requireNonNull(context, "context");
        this.targetUrl = targetUrl;
    }

    public CallbackState state() {
        return state;
    }

    /** The description, empty when the receiver sent none. */
    public String description() {
        return description;
    }

    /** The context (e.g. "Jenkins"), empty when the receiver sent none. */
    public String context() {
        return context;
    }

    /** The http(s) URL the receiver points at for details, if it sent one. */
    public Optional<String> targetUrl() {
        return Optional.ofNullable(targetUrl);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CallbackReport other
                && state == other.state
                && description.equals(other.description)
                && context.equals(other.context)
                && Objects.equals(targetUrl, other.targetUrl);
    }

    @Override
    public int hashCode() {
        return Objects.hash(state, description, context, targetUrl);
    }

    @Override
    public String toString() {
        return "CallbackReport{state=" + state.wireName() + ", description=" + description + ", context=" + context
                + ", targetUrl=" + targetUrl + "}";
    }
}
