package io.jenkins.plugins.dockerbuildwebhooks.deliveries;

import hudson.ExtensionPoint;

/** Told when a callback report was recorded on a delivery, e.g. to wake a waiting Pipeline step. */
public interface CallbackListener extends ExtensionPoint {
    /**
     * @param runId the build's {@link hudson.model.Run#getExternalizableId() externalizable id}
     * @param deliveryId the delivery the report is about
     */
    void reported(String runId, String deliveryId);
}
