package io.jenkins.plugins.dockerbuildwebhooks.deliveries;

import hudson.ExtensionList;
import hudson.ExtensionPoint;
import hudson.model.Run;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Where builds hand their deliveries: the extension with the highest ordinal wins. The default
 * ({@link DirectDeliveryService}) sends them at once; a durable outbox can take over by
 * registering with a higher ordinal, journalling each delivery before its first attempt.
 */
public interface DeliveryService extends ExtensionPoint {

    /**
     * Starts the deliveries of {@code run}; the futures are as {@link
     * DeliveryTransport#sendAll(List, int)} describes, in the same order.
     */
    List<CompletableFuture<DeliveryRecord>> submitAll(Run<?, ?> run, List<PlannedDelivery> deliveries, int maxAttempts);

    /** The service in charge. */
    static DeliveryService get() {
        return ExtensionList.lookup(DeliveryService.class).get(0);
    }
}
