package io.jenkins.plugins.dockerbuildwebhooks.deliveries;

import io.jenkins.plugins.dockerbuildwebhooks.callback.CallbackUrls;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.Delivery;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.Endpoint;
import io.jenkins.plugins.dockerbuildwebhooks.payload.Message;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * One message for one endpoint, about to be sent: the delivery id (kept across retries), the exact
 * body bytes, the headers of its format and what the record shows.
 *
 * @param reference what the message reports: the repository:tag, with the platform for a platform's event
 * @param headers the format's own headers ({@code Content-Type}, CloudEvents {@code ce-*}), sent as they are
 */
public record PlannedDelivery(String deliveryId, ResolvedEndpoint endpoint, String reference, byte[] body,
        Map<String, String> headers) {
    private static final RandomGenerator IDS = new SecureRandom();

    public PlannedDelivery {
        body = body.clone();
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** A message a format wrote for {@code endpoint}, under the id it was written for. */
    public static PlannedDelivery of(Message message, ResolvedEndpoint endpoint) {
        return new PlannedDelivery(message.deliveryId(), endpoint, message.label(), message.body(), message.headers());
    }

    /** A fresh delivery id, in core's format ({@link Delivery#newId}): {@code msg_} and 26 random base-36 characters. */
    public static String newId() {
        return Delivery.newId(IDS);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /**
     * Core's delivery of this message.
     *
     * @throws IllegalArgumentException with core's message when the endpoint or a header is not usable
     */
    public Delivery toDelivery() {
        Endpoint core = CoreEndpoints.toCore(endpoint);
        return new Delivery(deliveryId, core, body, headers);
    }

    /** The body as shown on the build page: UTF-8 text, callback URL masked. */
    public String maskedPayload() {
        return Masking.payload(new String(body, StandardCharsets.UTF_8));
    }

    /** Whether the payload's {@code callback_url} points at this Jenkins' callback endpoint. */
    public boolean asksForCallback() {
        return new String(body, StandardCharsets.UTF_8).contains("/" + CallbackUrls.PATH + "/");
    }

    /** The record shown while the delivery is still under way. */
    public DeliveryRecord pendingRecord() {
        return DeliveryRecord.pending(deliveryId, endpoint.id(), endpoint.maskedUrl(), reference, maskedPayload());
    }

    /** A record of a delivery that ended before any request, e.g. a refused configuration. */
    public DeliveryRecord failedRecord(String outcome, String message) {
        return new DeliveryRecord(deliveryId, endpoint.id(), endpoint.maskedUrl(), reference, outcome, false, 0, message,
                List.of(), maskedPayload());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlannedDelivery p && p.deliveryId.equals(deliveryId) && p.endpoint.id().equals(endpoint.id());
    }

    @Override
    public int hashCode() {
        return deliveryId.hashCode();
    }

    @Override
    public String toString() {
        return "PlannedDelivery[" + deliveryId + " " + reference + " to " + endpoint.id() + "]";
    }
}
