package io.jenkins.plugins.dockerbuildwebhooks.deliveries;

import hudson.ExtensionList;
import hudson.model.Run;
import hudson.security.ACL;
import hudson.security.ACLContext;
import io.jenkins.plugins.dockerbuildwebhooks.callback.CallbackInbox.Acceptance;
import io.jenkins.plugins.dockerbuildwebhooks.callback.CallbackReport;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.DeliveryResult;
import java.io.IOException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes what happened to a delivery onto its build's {@link DeliveriesAction}, found by the build's
 * externalizable id (deliveries outlive the request and even the Jenkins process that started
 * them), and tells the {@link CallbackListener}s. Runs as SYSTEM: the outbox acts for the build.
 */
final class RunRecords {
    private static final Logger LOGGER = Logger.getLogger(RunRecords.class.getName());

    private RunRecords() {}

    /** Brings the build's record of the delivery up to date and saves the build. */
    static void result(String runId, String deliveryId, DeliveryResult result) {
        if (apply(runId, deliveryId, result)) {
            save(runId).ifPresent(problem -> LOGGER.log(Level.WARNING, "could not record the result of delivery {0}: {1}",
                    new Object[] {deliveryId, problem}));
            tellListeners(runId, deliveryId);
        }
    }

    /**
     * Brings the build's record of the delivery up to date in memory only ({@link OutboxUpdates}
     * saves the build once for the results that came in together); false when the build or the
     * record is gone.
     */
    static boolean apply(String runId, String deliveryId, DeliveryResult result) {
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            Run<?, ?> run = Run.fromExternalizableId(runId);
            if (run == null) {
                LOGGER.log(Level.FINE, "delivery {0} ended {1}, but build {2} is gone",
                        new Object[] {deliveryId, result.outcome(), runId});
                return false;
            }
            DeliveriesAction action = run.getAction(DeliveriesAction.class);
            return action != null
                    && action.change(deliveryId, record -> record.updatedBy(DeliveryRecords.withResult(record, result)));
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "could not record the result of delivery " + deliveryId + " on " + runId, e);
            return false;
        }
    }

    /** Saves the build; empty when saved (or gone), else why not. */
    static Optional<String> save(String runId) {
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            Run<?, ?> run = Run.fromExternalizableId(runId);
            if (run != null) {
                run.save();
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOGGER.log(Level.FINE, "saving " + runId, e);
            return Optional.of("cannot save " + runId + ": " + e);
        }
    }

    /** Puts a receiver's first report on the delivery's record; later reports are not recorded. */
    static Acceptance callback(String runId, String deliveryId, CallbackReport report) {
        boolean[] already = new boolean[1];
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            Run<?, ?> run = Run.fromExternalizableId(runId);
            DeliveriesAction action = run == null ? null : run.getAction(DeliveriesAction.class);
            boolean found = action != null && action.modify(deliveryId, record -> {
                if (record.getCallback() != null) {
                    already[0] = true;
                    return record;
                }
                return record.withCallback(report);
            });
            if (!found) {
                return Acceptance.UNKNOWN_DELIVERY;
            }
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "could not save the callback report of delivery " + deliveryId, e);
        }
        if (already[0]) {
            return Acceptance.ALREADY_REPORTED;
        }
        tellListeners(runId, deliveryId);
        return Acceptance.RECORDED;
    }

    static void tellListeners(String runId, String deliveryId) {
        for (CallbackListener listener : ExtensionList.lookup(CallbackListener.class)) {
            try {
                listener.changed(runId, deliveryId);
            } catch (RuntimeException e) {
                LOGGER.log(Level.WARNING, "a callback listener failed", e);
            }
        }
    }
}
