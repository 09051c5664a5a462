package io.jenkins.plugins.dockerbuildwebhooks.callback;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The {@code state} of a callback report, as Docker Hub defined it: anything but {@code success}
 * means the receiver's work did not succeed.
 */
public enum CallbackState {
    SUCCESS("success"),
    FAILURE("failure"),
    ERROR("error");

    private final String wireName;

    CallbackState(String wireName) {
        this.wireName = wireName;
    }

    /** The lowercase spelling used in JSON. */
    public String wireName() {
        return wireName;
    }

    public boolean isSuccess() {
        return this == SUCCESS;
    }

    /** The state spelled exactly {@code success}, {@code failure} or {@code error}; case matters. */
    public static Optional<CallbackState> fromWireName(String name) {
        for (CallbackState state : values()) {
            if (state.wireName.equals(name)) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }

    /** "success, failure, error", for error messages. */
    static String allowed() {
        return Arrays.stream(values()).map(CallbackState::wireName).collect(Collectors.joining(", "));
    }
}
