package io.jenkins.plugins.dockerbuildwebhooks.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One HTTP attempt of a delivery.
 *
 * @param number 1 for the first attempt
 * @param startedAt when the attempt began
 * @param status the HTTP status, or 0 when no response came
 * @param error what went wrong when no response came (connection refused, timeout, …), or a note on an
 *     incomplete response body (read stopped at the limit, deadline passed); null when all went well
 * @param latency from start to the response headers, or to the failure
 * @param excerpt the first bytes of the response body as text (at most {@link #EXCERPT_LIMIT} bytes)
 */
public record Attempt(int number, Instant startedAt, int status, String error, Duration latency, String excerpt) {
    /** Most response body bytes kept. */
    public static final int EXCERPT_LIMIT = 4096;

    public Attempt {
        excerpt = excerpt == null ? "" : excerpt;
    }

    public Optional<String> errorMessage() {
        return Optional.ofNullable(error);
    }

    /** {@code 503} or {@code connection refused}: the short form tables show. */
    public String summary() {
        return status > 0 ? Integer.toString(status) : String.valueOf(error);
    }
}
