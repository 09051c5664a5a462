package io.jenkins.plugins.dockerbuildwebhooks.deliveries;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.ProxyConfiguration;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.AddressPolicy;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.Attempt;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.Delivery;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.DeliveryResult;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.Dispatcher;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.RetryPolicy;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Sends through core's {@link Dispatcher}: one dispatcher per batch (two when Jenkins' proxy
 * applies to some targets only), closed when the batch is done. The network policy and proxy
 * come from the caller at each batch, so configuration changes apply to the next build.
 */
public final class CoreDeliveryTransport implements DeliveryTransport {
    private final Supplier<AddressPolicy> addressPolicy;
    private final Supplier<ProxyConfiguration> proxy;
    private final String userAgent;

    /**
     * @param addressPolicy the network policy in force
     * @param proxy Jenkins' proxy settings, or null for a direct connection
     */
    public CoreDeliveryTransport(Supplier<AddressPolicy> addressPolicy, Supplier<ProxyConfiguration> proxy,
            String userAgent) {
        this.addressPolicy = addressPolicy;
        this.proxy = proxy;
        this.userAgent = userAgent;
    }

    @Override
    public List<CompletableFuture<DeliveryRecord>> sendAll(List<PlannedDelivery> deliveries, int maxAttempts) {
        AddressPolicy policy = addressPolicy.get();
        ProxyConfiguration proxyConfig = proxy.get();
        RetryPolicy retry = RetryPolicy.DEFAULT.withMaxAttempts(maxAttempts);
        Dispatcher direct = null;
        Dispatcher proxied = null;
        List<CompletableFuture<DeliveryRecord>> futures = new ArrayList<>();
        for (PlannedDelivery planned : deliveries) {
            Delivery delivery;
            try {
                delivery = planned.toDelivery();
            } catch (IllegalArgumentException e) {
                futures.add(CompletableFuture.completedFuture(planned.failedRecord("FAILED", e.getMessage())));
                continue;
            }
            boolean viaProxy = proxyConfig != null && usesProxy(proxyConfig, delivery.endpoint().url());
            Dispatcher dispatcher;
            if (viaProxy) {
                proxied = proxied != null ? proxied : dispatcher(policy, retry, proxyConfig);
                dispatcher = proxied;
            } else {
                direct = direct != null ? direct : dispatcher(policy, retry, null);
                dispatcher = direct;
            }
            futures.add(dispatcher.submit(delivery).thenApply(result -> toRecord(result, planned)));
        }
        closeWhenDone(futures, direct, proxied);
        return futures;
    }

    private Dispatcher dispatcher(AddressPolicy policy, RetryPolicy retry, @CheckForNull ProxyConfiguration proxyConfig) {
        Dispatcher.Builder b = Dispatcher.builder().addressPolicy(policy).retryPolicy(retry).userAgent(userAgent);
        if (proxyConfig != null) {
            b.proxy(proxyConfig.getName(), proxyConfig.getPort());
        }
        return b.build();
    }

    /** Jenkins' rule: the proxy applies unless the host matches a "no proxy" pattern. */
    static boolean usesProxy(ProxyConfiguration config, URI url) {
        if (config.getName() == null || config.getName().isBlank()) {
            return false;
        }
        String host = url.getHost();
        for (Pattern p : config.getNoProxyHostPatterns()) {
            if (p.matcher(host).matches()) {
                return false;
            }
        }
        return true;
    }

    private static void closeWhenDone(List<CompletableFuture<DeliveryRecord>> futures, Dispatcher... dispatchers) {
        // Closed on another thread: the last future may complete on one of the dispatcher's own threads.
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).whenCompleteAsync((ignored, error) -> {
            for (Dispatcher d : dispatchers) {
                if (d != null) {
                    d.close();
                }
            }
        });
    }

    /** The build's record of a core result; the payload is masked on the way. */
    static DeliveryRecord toRecord(DeliveryResult result, PlannedDelivery planned) {
        List<AttemptRecord> attempts = new ArrayList<>();
        for (Attempt a : result.attempts()) {
            attempts.add(new AttemptRecord(a.number(), a.startedAt().toEpochMilli(), a.status(),
                    a.errorMessage().orElse(""), a.latency().toMillis(), a.excerpt()));
        }
        return new DeliveryRecord(result.deliveryId(), result.endpointId(), result.maskedUrl(), planned.reference(),
                result.outcome().name(), result.success(), result.status(), result.message(), attempts,
                planned.maskedPayload());
    }
}
