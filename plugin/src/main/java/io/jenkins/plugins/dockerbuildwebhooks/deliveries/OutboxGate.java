package io.jenkins.plugins.dockerbuildwebhooks.deliveries;

import io.jenkins.plugins.dockerbuildwebhooks.delivery.Delivery;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.DeliveryResult;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.Outcome;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the outbox lets in: at most {@code maxPending} deliveries waiting or retrying at once, and
 * nothing for an endpoint that answered 410 Gone (until the next restart).
 */
final class OutboxGate {
    private final int maxPending;
    private final AtomicInteger pending = new AtomicInteger();
    private final Set<String> goneEndpoints = ConcurrentHashMap.newKeySet();

    OutboxGate(int maxPending) {
        this.maxPending = maxPending;
    }

    /** Why a delivery is not even tried, or empty when it may go. */
    Optional<DeliveryResult> refusal(Delivery delivery) {
        if (goneEndpoints.contains(endpointKey(delivery))) {
            return Optional.of(new DeliveryResult(delivery.endpoint().id(), delivery.endpoint().maskedUrl(), delivery.id(),
                    Outcome.GONE, 0, List.of(), "not sent: this endpoint answered 410 Gone earlier"
                    + " (fix its URL; deliveries to it resume after the next restart)"));
        }
        if (pending.get() >= maxPending) {
            return Optional.of(failed(delivery, "not sent: the outbox is full (" + maxPending
                    + " deliveries waiting or retrying)"));
        }
        return Optional.empty();
    }

    void entered() {
        pending.incrementAndGet();
    }

    /** A delivery ended; a 410 Gone closes its endpoint to further deliveries. */
    void left(Delivery delivery, DeliveryResult result) {
        pending.decrementAndGet();
        if (result.outcome() == Outcome.GONE) {
            goneEndpoints.add(endpointKey(delivery));
        }
    }

    int pending() {
        return pending.get();
    }

    static DeliveryResult failed(Delivery delivery, String message) {
        return new DeliveryResult(delivery.endpoint().id(), delivery.endpoint().maskedUrl(), delivery.id(),
                Outcome.FAILED, 0, List.of(), message);
    }

    /** Names an endpoint by a hash of its full URL, so the (possibly secret) URL is not kept as text. */
    private static String endpointKey(Delivery delivery) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(delivery.endpoint().url().toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
