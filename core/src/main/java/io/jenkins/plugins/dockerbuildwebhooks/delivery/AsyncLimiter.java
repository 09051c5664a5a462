package io.jenkins.plugins.dockerbuildwebhooks.delivery;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A non-blocking permit counter: tasks beyond the limit wait in a queue instead of occupying a
 * thread. Not thread-safe: only the dispatcher's control thread touches it.
 */
final class AsyncLimiter {
    private int available;
    private final Deque<Runnable> waiting = new ArrayDeque<>();

    AsyncLimiter(int permits) {
        this.available = permits;
    }

    /** Runs {@code task} now if a permit is free, else when one is released. */
    void acquire(Runnable task) {
        if (available > 0) {
            available--;
            task.run();
        } else {
            waiting.add(task);
        }
    }

    /** Returns a permit, handing it straight to the next waiting task if there is one. */
    Runnable release() {
        Runnable next = waiting.poll();
        if (next == null) {
            available++;
        }
        return next;
    }
}
