package io.jenkins.plugins.dockerbuildwebhooks.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to try again: connection errors, timeouts, 408, 425, 429 and 5xx are retried up to
 * {@link #maxAttempts()} attempts in all, waiting a uniformly random time in
 * {@code [0, min(maxDelay, baseDelay·2^(n-1))]} ("full jitter") before retry n, unless the answer
 * carried {@code Retry-After}, which is honoured exactly up to {@link #maxRetryAfter()}. A
 * {@code Retry-After} beyond that bound ends the delivery as failed rather than retrying early.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter) {
    /** 5 attempts, 1 s base, 60 s cap, Retry-After honoured up to 10 minutes. */
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(10));

    public RetryPolicy {
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new IllegalArgumentException("attempts must be between 1 and 100, not " + maxAttempts);
        }
        if (baseDelay.isNegative() || maxDelay.isNegative() || maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("retry delays must not be negative");
        }
    }

    /** The same policy with {@code attempts} attempts in all. */
    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, baseDelay, maxDelay, maxRetryAfter);
    }

    /** Whether an answer with {@code status} (0 = no answer) may succeed when tried again. */
    public static boolean retryable(int status) {
        return status == 0 || status == 408 || status == 425 || status == 429 || (status >= 500 && status <= 599);
    }

    /**
     * The wait before the next attempt after attempt {@code attempt} failed retryably, or empty
     * when the delivery should stop; {@code why} receives the reason to stop.
     */
    public Optional<Duration> nextDelay(int attempt, String retryAfter, Instant now, RandomGenerator random,
            StringBuilder why) {
        if (attempt >= maxAttempts) {
            why.append("gave up after ").append(attempt).append(attempt == 1 ? " attempt" : " attempts");
            return Optional.empty();
        }
        Optional<Duration> asked = RetryAfter.parse(retryAfter, now);
        if (asked.isPresent()) {
            if (asked.get().compareTo(maxRetryAfter) > 0) {
                why.append("the receiver asked to retry after ").append(asked.get().toSeconds())
                        .append(" s, more than the ").append(maxRetryAfter.toSeconds()).append(" s allowed");
                return Optional.empty();
            }
            return asked;
        }
        return Optional.of(backoff(attempt, random));
    }

    /** Full jitter: uniform in {@code [0, min(maxDelay, baseDelay·2^(attempt-1))]}. */
    Duration backoff(int attempt, RandomGenerator random) {
        long ceiling = ceilingMillis(attempt);
        return Duration.ofMillis(ceiling == 0 ? 0 : random.nextLong(ceiling + 1));
    }

    long ceilingMillis(int attempt) {
        long base = baseDelay.toMillis();
        int shift = Math.min(attempt - 1, 40);
        long grown = base > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : base << shift;
        return Math.min(grown, maxDelay.toMillis());
    }
}
