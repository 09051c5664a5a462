package io.jenkins.plugins.dockerbuildwebhooks.deliveries;

import hudson.Extension;
import hudson.model.Run;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The default {@link DeliveryService}: sends at once through the {@link NetworkSettings#transport()
 * transport}, with no journal. Deliveries still under way when Jenkins stops are lost; a durable
 * outbox with a higher ordinal replaces this service.
 */
@Extension(ordinal = -100)
public final class DirectDeliveryService implements DeliveryService {
    @Override
    public List<CompletableFuture<DeliveryRecord>> submitAll(Run<?, ?> run, List<PlannedDelivery> deliveries,
            int maxAttempts) {
        return NetworkSettings.transport().sendAll(deliveries, maxAttempts);
    }
}
