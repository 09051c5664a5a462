package io.jenkins.plugins.dockerbuildwebhooks.deliveries;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.dockerbuildwebhooks.callback.CallbackReport;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One delivery (one payload to one endpoint) as recorded on the build: ids, outcome, attempts and
 * the payload sent. Holds no secret: the URL is masked and the payload masked before it gets here.
 */
public final class DeliveryRecord implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Outcome names; {@code PENDING} is still being delivered (after the build stopped waiting). */
    public static final String PENDING = "PENDING";
    /** A message the endpoint's format could not write for the tag (e.g. no registry digest known); never sent. */
    public static final String SKIPPED = "SKIPPED";

    private final String deliveryId;
    private final String endpointId;
    private final String maskedUrl;
    private final String reference;
    private final String outcome;
    private final boolean success;
    private final int status;
    private final String message;
    private final List<AttemptRecord> attempts;
    private final String payload;
    // Callback and redelivery facts; null/false in records saved before they existed.
    @CheckForNull
    private CallbackReport callback;
    private boolean callbackExpected;
    @CheckForNull
    private String redeliveryOf;

    public DeliveryRecord(String deliveryId, String endpointId, String maskedUrl, String reference, String outcome,
            boolean success, int status, String message, List<AttemptRecord> attempts, String payload) {
        this.deliveryId = deliveryId;
        this.endpointId = endpointId;
        this.maskedUrl = maskedUrl;
        this.reference = reference;
        this.outcome = outcome;
        this.success = success;
        this.status = status;
        this.message = message == null ? "" : message;
        // ArrayList, not List.copyOf: the record is stored in build.xml, and XStream cannot read JDK immutable lists back
        this.attempts = new ArrayList<>(attempts);
        this.payload = payload == null ? "" : payload;
    }

    /** The same delivery, not finished yet. */
    public static DeliveryRecord pending(String deliveryId, String endpointId, String maskedUrl, String reference,
            String payload) {
        return new DeliveryRecord(deliveryId, endpointId, maskedUrl, reference, PENDING, false, 0,
                "still being delivered", List.of(), payload);
    }

    /**
     * A tag the endpoint's format refused to describe, with core's reason. It has no delivery id:
     * nothing was sent, so there is nothing to redeliver.
     */
    public static DeliveryRecord skipped(String endpointId, String maskedUrl, String reference, String reason) {
        return new DeliveryRecord("", endpointId, maskedUrl, reference, SKIPPED, false, 0, reason, List.of(), "");
    }

    /** The {@code webhook-id} header: the same on every attempt; empty for a skipped tag. */
    public String getDeliveryId() {
        return deliveryId;
    }

    public String getEndpointId() {
        return endpointId;
    }

    /** {@code scheme://host[:port]/…}: all that may be shown of a possibly secret URL. */
    public String getMaskedUrl() {
        return maskedUrl;
    }

    /** The repository:tag the payload reports. */
    public String getReference() {
        return reference;
    }

    /**
     * {@code DELIVERED}, {@code DELIVERED_REDIRECT}, {@code FAILED}, {@code GONE}, {@code BLOCKED},
     * {@code PENDING} or {@code SKIPPED}.
     */
    public String getOutcome() {
        return outcome;
    }

    public boolean isSuccess() {
        return success;
    }

    public boolean isPending() {
        return PENDING.equals(outcome);
    }

    public boolean isSkipped() {
        return SKIPPED.equals(outcome);
    }

    /** The last HTTP status, 0 if none. */
    public int getStatus() {
        return status;
    }

    public String getMessage() {
        return message;
    }

    public List<AttemptRecord> getAttempts() {
        return Collections.unmodifiableList(attempts);
    }

    /** Milliseconds of the last attempt, 0 without attempts. */
    public long getLatencyMillis() {
        return attempts.isEmpty() ? 0 : attempts.get(attempts.size() - 1).getLatencyMillis();
    }

    public String getResponseExcerpt() {
        return attempts.isEmpty() ? "" : attempts.get(attempts.size() - 1).getExcerpt();
    }

    /** The JSON body sent, masked. */
    public String getPayload() {
        return payload;
    }

    /**
     * What a Pipeline gets back from {@code dockerWebhook}: plain strings, numbers and booleans,
     * which the CPS sandbox reads without approval.
     */
    public Map<String, Object> toStepResult() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("endpoint", endpointId);
        m.put("reference", reference);
        m.put("outcome", outcome);
        m.put("success", success);
        m.put("status", status);
        m.put("attempts", attempts.size());
        m.put("deliveryId", deliveryId);
        m.put("message", message);
        return m;
    }

    /** The console line for this delivery: no URL beyond its host, no secret. */
    public String consoleLine() {
        StringBuilder line = new StringBuilder()
                .append(reference).append(" → ").append(endpointId).append(" (").append(maskedUrl).append("): ")
                .append(outcome);
        if (isSkipped()) {
            return line.append(": not sent, ").append(message).toString();
        }
        if (status > 0) {
            line.append(", HTTP ").append(status);
        }
        line.append(", ").append(attempts.size()).append(attempts.size() == 1 ? " attempt" : " attempts");
        if (!success && !message.isEmpty()) {
            line.append(": ").append(message);
        }
        return line.append(" [").append(deliveryId).append(']').toString();
    }

    /** The receiver's callback report, or null while none came. */
    @CheckForNull
    public CallbackReport getCallback() {
        return callback;
    }

    /** Whether the payload carried a {@code callback_url} pointing at this Jenkins. */
    public boolean isCallbackExpected() {
        return callbackExpected;
    }

    /** The delivery this one sends again, or null for a first delivery. */
    @CheckForNull
    public String getRedeliveryOf() {
        return redeliveryOf;
    }

    /** This record with the receiver's report. */
    public DeliveryRecord withCallback(CallbackReport report) {
        DeliveryRecord copy = copyOf(this);
        copy.callback = report;
        return copy;
    }

    /** This record, noting that its payload asked the receiver for a callback. */
    public DeliveryRecord withCallbackExpected(boolean expected) {
        DeliveryRecord copy = copyOf(this);
        copy.callbackExpected = expected;
        return copy;
    }

    /**
     * A newer state of this delivery (a result that came in later) that keeps what only this record
     * knows: the callback report and what it is a redelivery of. A pending state does not replace a
     * result.
     */
    public DeliveryRecord updatedBy(DeliveryRecord newer) {
        // A delivery never goes back to pending: a late "still pending" view must not hide its result.
        DeliveryRecord copy = copyOf(newer.isPending() && !isPending() ? this : newer);
        copy.callback = newer.callback != null ? newer.callback : callback;
        copy.callbackExpected = newer.callbackExpected || callbackExpected;
        copy.redeliveryOf = newer.redeliveryOf != null ? newer.redeliveryOf : redeliveryOf;
        return copy;
    }

    /** A pending record for sending this delivery again under {@code newDeliveryId}. */
    public DeliveryRecord redeliveredAs(String newDeliveryId) {
        DeliveryRecord copy = pending(newDeliveryId, endpointId, maskedUrl, reference, payload);
        copy.callbackExpected = callbackExpected;
        copy.redeliveryOf = deliveryId;
        return copy;
    }

    /**
     * This delivery being sent again under its own id (a format whose body carries the id as its
     * event id): pending, with what it is a redelivery of and its callback facts kept.
     */
    public DeliveryRecord sentAgain() {
        DeliveryRecord copy = new DeliveryRecord(deliveryId, endpointId, maskedUrl, reference, PENDING, false, 0,
                "being sent again under the same id", attempts, payload);
        copy.callback = callback;
        copy.callbackExpected = callbackExpected;
        copy.redeliveryOf = redeliveryOf;
        return copy;
    }

    private static DeliveryRecord copyOf(DeliveryRecord r) {
        DeliveryRecord copy = new DeliveryRecord(r.deliveryId, r.endpointId, r.maskedUrl, r.reference, r.outcome,
                r.success, r.status, r.message, r.attempts, r.payload);
        copy.callback = r.callback;
        copy.callbackExpected = r.callbackExpected;
        copy.redeliveryOf = r.redeliveryOf;
        return copy;
    }

    // Equal records let the build skip a save that would write what it already holds. Fields read
    // back from build.xml may be null (XStream runs no constructor), hence Objects.equals throughout.
    @Override
    public boolean equals(Object o) {
        return o instanceof DeliveryRecord r && success == r.success && status == r.status
                && callbackExpected == r.callbackExpected && Objects.equals(deliveryId, r.deliveryId)
                && Objects.equals(endpointId, r.endpointId) && Objects.equals(maskedUrl, r.maskedUrl)
                && Objects.equals(reference, r.reference) && Objects.equals(outcome, r.outcome) && Objects.equals(message, r.message)
                && Objects.equals(attempts, r.attempts) && Objects.equals(payload, r.payload) && Objects.equals(callback, r.callback)
                && Objects.equals(redeliveryOf, r.redeliveryOf);
    }

    @Override
    public int hashCode() {
        return Objects.hash(deliveryId, endpointId, outcome);
    }
}
