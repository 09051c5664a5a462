package io.jenkins.plugins.dockerbuildwebhooks.deliveries;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Sends deliveries now, from the controller, with retries, signing, the network policy and Jenkins'
 * proxy settings: the seam to core's dispatcher.
 */
public interface DeliveryTransport {
    /**
     * Starts sending, each delivery with up to {@code maxAttempts} attempts. Each future completes
     * with the final record, also for expected failures (timeouts, 4xx, 5xx, blocked addresses);
     * it completes exceptionally only on bugs.
     */
    List<CompletableFuture<DeliveryRecord>> sendAll(List<PlannedDelivery> deliveries, int maxAttempts);
}
