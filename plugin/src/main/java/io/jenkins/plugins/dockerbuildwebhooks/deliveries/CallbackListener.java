package io.jenkins.plugins.dockerbuildwebhooks.deliveries;

import hudson.ExtensionPoint;

/**
 * Told when the outbox changed a delivery's record after the build handed it over: a callback
 * report arrived, or a delivery still under way ended. A step waiting for callbacks re-checks then
 * (a delivery that failed will get no callback).
 */
public interface CallbackListener extends ExtensionPoint {
    /**
     * @param runId the build's {@link hudson.model.Run#getExternalizableId() externalizable id}
     * @param deliveryId the delivery whose record changed
     */
    void changed(String runId, String deliveryId);
}
