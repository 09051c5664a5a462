package io.jenkins.plugins.dockerbuildwebhooks.cli;

/**
 * What {@code send} and {@code redeliver} do on Ctrl-C (SIGINT) or SIGTERM while deliveries are
 * under way. The JVM runs shutdown hooks and then exits with 130 or 143; the hook stops the
 * dispatcher first (so no half-recorded attempt reaches the journal), closes the journal and says
 * how to resume. The command's own thread, which may be woken by the stopped deliveries, must not
 * print a result or an error over that: it asks {@link #stopping()} and waits for the exit.
 */
final class StopOnSignal implements AutoCloseable {
    private final Thread hook;
    private volatile boolean stopping;

    private StopOnSignal(Runnable onStop) {
        this.hook = new Thread(() -> {
            stopping = true;
            onStop.run();
        }, "stop-on-signal");
    }

    /** Runs {@code onStop} if the process is stopped before {@link #close()}. */
    static StopOnSignal install(Runnable onStop) {
        StopOnSignal stop = new StopOnSignal(onStop);
        Runtime.getRuntime().addShutdownHook(stop.hook);
        return stop;
    }

    boolean stopping() {
        return stopping;
    }

    /** Waits for the JVM to exit when stopping; returns at once otherwise. */
    void awaitExitIfStopping() {
        while (stopping) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        if (stopping) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM began to shut down after the check: the hook runs, and it is harmless now
        }
    }
}
