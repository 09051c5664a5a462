package io.jenkins.plugins.dockerbuildwebhooks.payload;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a format made of one pushed tag: its messages, or, when the format cannot describe the tag
 * honestly (no registry digest for an event that must name one), none and the reason. A refusal is
 * an expected result, not an error: callers report it next to the deliveries.
 *
 * @param refusal null unless refused
 */
public record Rendering(PushedTag tag, List<Message> messages, String refusal) {
    public Rendering {
        Objects.requireNonNull(tag, "tag");
        messages = List.copyOf(messages);
        if (refusal != null && !messages.isEmpty()) {
            throw new IllegalArgumentException("a refused rendering has no messages");
        }
    }

    static Rendering of(PushedTag tag, List<Message> messages) {
        return new Rendering(tag, messages, null);
    }

    static Rendering refused(PushedTag tag, String reason) {
        return new Rendering(tag, List.of(), Objects.requireNonNull(reason, "reason"));
    }

    public boolean isRefused() {
        return refusal != null;
    }

    public Optional<String> optRefusal() {
        return Optional.ofNullable(refusal);
    }
}
