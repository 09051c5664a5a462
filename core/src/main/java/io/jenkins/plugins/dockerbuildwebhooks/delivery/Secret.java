package io.jenkins.plugins.dockerbuildwebhooks.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A secret value (signing key, bearer token, password) that never shows itself in
 * {@link #toString()}, so it cannot leak through logs, results or exception messages.
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** Wraps {@code value}; it must not be empty. */
    public static Secret of(String value) {
        Objects.requireNonNull(value, "secret");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a secret must not be empty");
        }
        return new Secret(value);
    }

    /** The secret text; call it only where the secret is used, never to show it. */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        // constant time, so comparing secrets leaks nothing about how much of them matched
        return o instanceof Secret s && MessageDigest.isEqual(
                value.getBytes(StandardCharsets.UTF_8), s.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return 0;
    }

    @Override
    public String toString() {
        return "****";
    }
}
