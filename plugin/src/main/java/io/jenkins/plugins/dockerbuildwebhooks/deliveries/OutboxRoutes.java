package io.jenkins.plugins.dockerbuildwebhooks.deliveries;

import hudson.ProxyConfiguration;
import io.jenkins.plugins.dockerbuildwebhooks.config.DockerBuildWebhooksConfiguration;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.Delivery;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.DeliveryJournal;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.DeliveryResult;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.Dispatcher;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.RetryPolicy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import jenkins.model.Jenkins;

/**
 * The outbox's core {@link Dispatcher}s, one per network route (direct, or through Jenkins' proxy)
 * and attempt limit. A dispatcher made under an older configuration is retired and closed once its
 * last delivery ended, so a stricter network policy applies at once to new deliveries.
 */
final class OutboxRoutes {
    private final DeliveryJournal journal;
    private final int maxInFlight;
    private final Map<String, Route> routes = new HashMap<>();
    private boolean closed;

    OutboxRoutes(DeliveryJournal journal, int maxInFlight) {
        this.journal = journal;
        this.maxInFlight = maxInFlight;
    }

    /** Sends through the dispatcher for this delivery's route under the current configuration. */
    CompletableFuture<DeliveryResult> send(Delivery delivery, int maxAttempts,
            Function<Dispatcher, CompletableFuture<DeliveryResult>> how) {
        return route(delivery, maxAttempts).send(how);
    }

    /**
     * Sends a batch: each route's share is journalled with one disk force ({@link
     * Dispatcher#submitEach}); the futures come in the order of {@code deliveries}. A route that
     * cannot journal fails its share, as values.
     */
    List<CompletableFuture<DeliveryResult>> sendAll(List<Delivery> deliveries, int maxAttempts) {
        Map<Route, List<Integer>> shares = new LinkedHashMap<>();
        for (int i = 0; i < deliveries.size(); i++) {
            shares.computeIfAbsent(route(deliveries.get(i), maxAttempts), r -> new ArrayList<>()).add(i);
        }
        List<CompletableFuture<DeliveryResult>> futures = new ArrayList<>(Collections.nCopies(deliveries.size(), null));
        shares.forEach((route, positions) -> {
            List<Delivery> share = positions.stream().map(deliveries::get).toList();
            List<CompletableFuture<DeliveryResult>> sent;
            try {
                sent = route.sendEach(share.size(), d -> d.submitEach(share));
            } catch (RuntimeException e) {
                sent = share.stream().map(d -> CompletableFuture.completedFuture(
                        OutboxGate.failed(d, "not sent: " + e.getMessage()))).toList();
            }
            for (int j = 0; j < positions.size(); j++) {
                futures.set(positions.get(j), sent.get(j));
            }
        });
        return futures;
    }

    private synchronized Route route(Delivery delivery, int maxAttempts) {
        if (closed) {
            // a send that raced with the outbox closing: no new dispatcher on the closed journal
            throw new IllegalStateException("the outbox is closed: Jenkins is stopping");
        }
        DockerBuildWebhooksConfiguration config = DockerBuildWebhooksConfiguration.get();
        Jenkins jenkins = Jenkins.getInstanceOrNull();
        ProxyConfiguration proxy = jenkins == null ? null : jenkins.getProxy();
        boolean viaProxy = proxy != null && CoreDeliveryTransport.usesProxy(proxy, delivery.endpoint().url());
        String configuration = config.isBlockPrivateNetworks() + "|" + config.allowListEntries() + "|" + maxAttempts
                + "|" + (viaProxy ? proxy.getName() + ":" + proxy.getPort() : "direct");
        String key = viaProxy + "|" + maxAttempts;
        Route current = routes.get(key);
        if (current == null || !current.configuration.equals(configuration)) {
            if (current != null) {
                current.retire();
            }
            Dispatcher.Builder builder = Dispatcher.builder()
                    .journal(journal)
                    .addressPolicy(NetworkSettings.addressPolicy(config))
                    .retryPolicy(RetryPolicy.DEFAULT.withMaxAttempts(maxAttempts))
                    .maxInFlight(maxInFlight)
                    .userAgent(NetworkSettings.userAgent());
            if (viaProxy) {
                builder.proxy(proxy.getName(), proxy.getPort());
            }
            current = new Route(builder.build(), configuration);
            routes.put(key, current);
        }
        return current;
    }

    /** Stops every dispatcher at once; what they still had stays unfinished in the journal. */
    synchronized void closeAll() {
        closed = true;
        routes.values().forEach(r -> r.dispatcher.close());
        routes.clear();
    }

    /** One dispatcher and the deliveries it still has; closed when retired and idle. */
    private static final class Route {
        final Dispatcher dispatcher;
        final String configuration;
        private int inFlight;
        private boolean retired;

        Route(Dispatcher dispatcher, String configuration) {
            this.dispatcher = dispatcher;
            this.configuration = configuration;
        }

        CompletableFuture<DeliveryResult> send(Function<Dispatcher, CompletableFuture<DeliveryResult>> how) {
            return sendEach(1, d -> List.of(how.apply(d))).get(0);
        }

        /** Sends {@code count} deliveries in one call of {@code how}; the route stays open until all ended. */
        List<CompletableFuture<DeliveryResult>> sendEach(int count,
                Function<Dispatcher, List<CompletableFuture<DeliveryResult>>> how) {
            synchronized (this) {
                inFlight += count;
            }
            List<CompletableFuture<DeliveryResult>> futures;
            try {
                futures = how.apply(dispatcher);
            } catch (RuntimeException e) {
                // nothing was sent (the journal could not be written): none of them is in flight
                for (int i = 0; i < count; i++) {
                    ended();
                }
                throw e;
            }
            futures.forEach(f -> f.whenComplete((result, error) -> ended()));
            return futures;
        }

        private void ended() {
            boolean close;
            synchronized (this) {
                inFlight--;
                close = retired && inFlight == 0;
            }
            if (close) {
                // not on the dispatcher's own thread, which close() shuts down
                CompletableFuture.runAsync(dispatcher::close);
            }
        }

        void retire() {
            boolean close;
            synchronized (this) {
                retired = true;
                close = inFlight == 0;
            }
            if (close) {
                dispatcher.close();
            }
        }
    }
}
