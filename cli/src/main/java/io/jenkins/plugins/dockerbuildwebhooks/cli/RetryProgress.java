package io.jenkins.plugins.dockerbuildwebhooks.cli;

import io.jenkins.plugins.dockerbuildwebhooks.delivery.Attempt;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.Delivery;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.DeliveryListener;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/** Tells the person waiting why nothing seems to happen: one stderr line per retry. */
final class RetryProgress implements DeliveryListener {
    private final PrintStream err;

    RetryProgress(PrintStream err) {
        this.err = err;
    }

    @Override
    public void retrying(Delivery delivery, Attempt last, Duration delay) {
        err.println(String.format(Locale.ROOT, "%s %s: attempt %d: %s; retrying in %.1f s", delivery.endpoint().id(),
                delivery.id(), last.number(), last.status() > 0 ? "HTTP " + last.status() : last.error(),
                delay.toMillis() / 1000.0));
    }
}
