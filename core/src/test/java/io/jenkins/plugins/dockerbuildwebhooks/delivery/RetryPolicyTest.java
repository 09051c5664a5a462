package io.jenkins.plugins.dockerbuildwebhooks.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryPolicyTest {
    private static final Instant NOW = Instant.parse("2026-11-28T04:00:00Z");
    private static final RetryPolicy POLICY =
            new RetryPolicy(6, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofMinutes(5));

    @ParameterizedTest
    @ValueSource(ints = {0, 408, 425, 429, 500, 502, 503, 504, 599})
    void shouldRetryTransientAnswers(int status) {
        assertThat(RetryPolicy.retryable(status)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 302, 400, 401, 403, 404, 410, 422})
    void shouldNotRetryOtherAnswers(int status) {
        assertThat(RetryPolicy.retryable(status)).isFalse();
    }

    @Test
    void shouldGrowCeilingExponentiallyUpToTheCap() {
        assertThat(POLICY.ceilingMillis(1)).isEqualTo(1000);
        assertThat(POLICY.ceilingMillis(2)).isEqualTo(2000);
        assertThat(POLICY.ceilingMillis(4)).isEqualTo(8000);
        assertThat(POLICY.ceilingMillis(5)).isEqualTo(10000);
        assertThat(POLICY.ceilingMillis(99)).isEqualTo(10000);
    }

    @Test
    void shouldJitterOverTheWholeRange() {
        Random random = new Random(42);
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < 2000; i++) {
            long d = POLICY.backoff(3, random).toMillis();
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        assertThat(min).isBetween(0L, 100L);
        assertThat(max).isBetween(3900L, 4000L);
    }

    @Test
    void shouldHonourRetryAfterSeconds() {
        assertThat(POLICY.nextDelay(1, "7", NOW, new Random(1), new StringBuilder())).contains(Duration.ofSeconds(7));
    }

    @Test
    void shouldHonourRetryAfterDate() {
        assertThat(POLICY.nextDelay(1, "Sat, 28 Nov 2026 04:00:30 GMT", NOW, new Random(1), new StringBuilder()))
                .contains(Duration.ofSeconds(30));
        assertThat(POLICY.nextDelay(1, "Sat, 28 Nov 2026 03:00:00 GMT", NOW, new Random(1), new StringBuilder()))
                .contains(Duration.ZERO);
    }

    @Test
    void shouldStopWhenRetryAfterExceedsTheBound() {
        StringBuilder why = new StringBuilder();

        assertThat(POLICY.nextDelay(1, "3600", NOW, new Random(1), why)).isEmpty();
        assertThat(why.toString()).contains("3600 s").contains("300 s");
    }

    @Test
    void shouldFallBackToBackoffOnUnreadableRetryAfter() {
        assertThat(POLICY.nextDelay(1, "soon", NOW, new Random(1), new StringBuilder()).orElseThrow())
                .isBetween(Duration.ZERO, Duration.ofSeconds(1));
    }

    @Test
    void shouldStopAfterTheLastAttempt() {
        StringBuilder why = new StringBuilder();

        assertThat(POLICY.nextDelay(6, null, NOW, new Random(1), why)).isEmpty();
        assertThat(why.toString()).isEqualTo("gave up after 6 attempts");
    }
}
