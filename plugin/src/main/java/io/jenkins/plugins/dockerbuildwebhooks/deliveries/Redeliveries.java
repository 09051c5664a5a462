package io.jenkins.plugins.dockerbuildwebhooks.deliveries;

import hudson.AbortException;
import hudson.model.Run;
import io.jenkins.plugins.dockerbuildwebhooks.callback.CallbackEndpoint;
import io.jenkins.plugins.dockerbuildwebhooks.callback.CallbackUrlRewriter;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.Delivery;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.DeliveryJournal;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.JournalEntry;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.OutboxIndex;
import java.time.Duration;
import java.util.Optional;

/**
 * Makes the delivery that repeats a journalled one: a new id and its own callback URL (so the
 * receiver's report lands on the repeat), the same endpoint, headers and every other payload byte.
 */
final class Redeliveries {
    private Redeliveries() {}

    /**
     * @throws AbortException when the delivery is not one of this build's in the outbox, its payload
     *     is no longer kept, or its credentials are gone
     */
    static Delivery repeat(Run<?, ?> run, String deliveryId, OutboxIndex index, DeliveryJournal journal, Duration kept)
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
        String newId = PlannedDelivery.newId();
        byte[] body = CallbackUrlRewriter.rewrite(first.body(), old -> CallbackEndpoint.callbackUrlFor(newId).orElse(old));
        return new Delivery(newId, first.endpoint(), body, first.headers());
    }
}
