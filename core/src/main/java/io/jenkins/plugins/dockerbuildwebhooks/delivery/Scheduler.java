package io.jenkins.plugins.dockerbuildwebhooks.delivery;

import java.time.Duration;

/**
 * Runs a task after a delay: the waits between retries. Injected so tests can record the
 * retry schedule and run it without waiting.
 */
@FunctionalInterface
public interface Scheduler {
    /** Runs {@code task} once {@code delay} has passed (at once for a zero delay). */
    void schedule(Duration delay, Runnable task);
}
