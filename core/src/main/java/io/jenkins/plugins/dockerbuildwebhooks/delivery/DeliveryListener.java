package io.jenkins.plugins.dockerbuildwebhooks.delivery;

import java.time.Duration;

/**
 * Hears about deliveries while they run, e.g. to print progress or console lines. Called on the
 * dispatcher's control thread: keep it quick, and do not block.
 */
public interface DeliveryListener {
    /** An attempt ended (whatever its result). */
    default void attempted(Delivery delivery, Attempt attempt) {}

    /** The delivery will be tried again after {@code delay}. */
    default void retrying(Delivery delivery, Attempt last, Duration delay) {}

    /** The delivery ended. */
    default void finished(DeliveryResult result) {}
}
