package io.jenkins.plugins.dockerbuildwebhooks.callback;

import hudson.ExtensionPoint;


/**
 * Where the endpoint hands a verified report: the outbox, which knows which build each delivery
 * belongs to. An extension point so that the endpoint does not depend on how deliveries are kept;
 * the first inbox that knows a delivery takes its report.
 */
public interface CallbackInbox extends ExtensionPoint {

    /** What became of a report. */
    enum Acceptance {
        /** Recorded on its delivery. */
        RECORDED,
        /** The token was genuine but no delivery with that id is known (e.g. its build was deleted). */
        UNKNOWN_DELIVERY,
        /** The delivery already has a report; the first one stands. */
        ALREADY_REPORTED
    }

    /**
     * Records {@code report} for the delivery {@code deliveryId}, whose token was verified.
     */
    Acceptance accept(String deliveryId, CallbackReport report);
}
