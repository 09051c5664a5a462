package io.jenkins.plugins.dockerbuildwebhooks.deliveries;

import hudson.model.Run;
import hudson.security.ACL;
import hudson.security.ACLContext;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.Delivery;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.DeliveryJournal;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.DeliveryResult;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.JournalEntry;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.OutboxIndex;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.Outcome;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * After a controller restart: finds the build of each unfinished journalled delivery and hands it
 * back to the outbox to be sent again under its own id, its credentials looked up as the first send
 * did ({@link RunSecrets}). A delivery whose build or credentials are gone is finished as
 * {@code FAILED}, saying why, and recorded on its build when there is one.
 */
final class OutboxResume {
    private static final Logger LOGGER = Logger.getLogger(OutboxResume.class.getName());

    /** How the outbox sends a journalled delivery again. */
    @FunctionalInterface
    interface Resender {
        void resend(String runId, Delivery delivery, int attemptsSoFar);
    }

    private OutboxResume() {}

    /** Resumes what the journal holds unfinished, as the system; how many were sent again. */
    static int resumeAll(DeliveryJournal journal, OutboxIndex index, Resender resender) {
        int resumed = 0;
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            for (JournalEntry entry : journal.unfinished()) {
                try {
                    resumed += resume(entry, journal, index, resender) ? 1 : 0;
                } catch (RuntimeException e) {
                    // e.g. a network policy core cannot read: left unfinished for the next start
                    LOGGER.log(Level.WARNING, "could not resume delivery " + entry.id(), e);
                }
            }
        }
        return resumed;
    }

    private static boolean resume(JournalEntry entry, DeliveryJournal journal, OutboxIndex index, Resender resender) {
        String id = entry.id();
        Run<?, ?> run = index.find(id).map(l -> Run.fromExternalizableId(l.ownerId())).orElse(null);
        if (run == null) {
            journal.finish(new DeliveryResult(entry.endpointId(), "", id, Outcome.FAILED, 0, entry.attempts(),
                    "not resumed: its build no longer exists"));
            return false;
        }
        String runId = run.getExternalizableId();
        Delivery delivery;
        try {
            delivery = entry.toDelivery(new RunSecrets(run));
        } catch (IllegalArgumentException e) {
            DeliveryResult notResumed = new DeliveryResult(entry.endpointId(), "", id, Outcome.FAILED, 0,
                    entry.attempts(), "not resumed after a restart: " + e.getMessage());
            journal.finish(notResumed);
            RunRecords.result(runId, id, notResumed);
            return false;
        }
        resender.resend(runId, delivery, entry.attempts().size());
        return true;
    }
}
