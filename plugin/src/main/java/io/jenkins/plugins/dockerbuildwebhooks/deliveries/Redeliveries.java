package io.jenkins.plugins.dockerbuildwebhooks.deliveries;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.model.Run;
import io.jenkins.plugins.dockerbuildwebhooks.callback.CallbackEndpoint;
import io.jenkins.plugins.dockerbuildwebhooks.callback.CallbackUrlRewriter;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.Delivery;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.DeliveryJournal;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.JournalEntry;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.OutboxIndex;
import io.jenkins.plugins.dockerbuildwebhooks.receiver.ReceivedFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Makes the delivery that repeats a journalled one. A Docker Hub payload is sent as a new
 * delivery: a new id and its own callback URL (so the receiver's report lands on the repeat), the
 * same endpoint, headers and every other payload byte. The other formats carry the delivery id
 * inside the message as their event id (CloudEvents {@code ce-id} and {@code context.id}, the
 * registry event's {@code id}): they are sent again as they were, under the same id, so receivers
 * that de-duplicate by event id see one event.
 */
final class Redeliveries {
    private Redeliveries() {}

    /**
     * What a redelivery sends: the delivery, whether it keeps the original's id, and how many
     * attempts the original had (a repeat under the same id numbers its attempts on from there).
     */
    record Repeat(Delivery delivery, boolean sameId, int attemptsSoFar) {}

    /**
     * @throws AbortException when the delivery is not one of this build's in the outbox, its payload
     *     is no longer kept, or its credentials are gone
     */
    static Repeat repeat(Run<?, ?> run, String deliveryId, OutboxIndex index, DeliveryJournal journal, Duration kept)
            throws AbortException {
        Optional<OutboxIndex.Link> link = index.find(deliveryId);
        // The index, not the page the button was on, says which build a delivery belongs to.
        if (link.isEmpty() || !link.get().ownerId().equals(run.getExternalizableId())) {
            throw new AbortException("Delivery " + deliveryId + " is not in the outbox of " + run.getFullDisplayName()
                    + " (sent before the outbox existed, or kept no longer)");
        }
        JournalEntry entry = journal.entry(deliveryId).orElseThrow(() -> new AbortException("The payload of delivery "
                + deliveryId + " is no longer kept (finished deliveries are kept " + kept.toDays() + " days)"));
        Delivery first;
        try {
            first = entry.toDelivery(new RunSecrets(run));
        } catch (IllegalArgumentException e) {
            throw new AbortException("Cannot redeliver " + deliveryId + ": " + e.getMessage());
        }
        if (carriesItsId(first)) {
            return new Repeat(first, true, entry.attempts().size());
        }
        String newId = PlannedDelivery.newId();
        byte[] body = CallbackUrlRewriter.rewrite(first.body(), old -> CallbackEndpoint.callbackUrlFor(newId).orElse(old));
        return new Repeat(new Delivery(newId, first.endpoint(), body, first.headers()), false, 0);
    }

    /** Whether the message is in a format whose event id is the delivery id: all but Docker Hub's. */
    static boolean carriesItsId(Delivery d) {
        ReceivedFormat.Kind kind = ReceivedFormat.of(name -> header(d.headers(), name), d.body()).kind();
        return kind != ReceivedFormat.Kind.DOCKER_HUB && kind != ReceivedFormat.Kind.UNKNOWN;
    }

    /** The first value of header {@code name} (any case), or null: what {@link ReceivedFormat#of} asks for. */
    @CheckForNull
    private static String header(Map<String, String> headers, String name) {
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if (h.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return h.getValue();
            }
        }
        return null;
    }
}
