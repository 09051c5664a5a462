package io.jenkins.plugins.dockerbuildwebhooks.config;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.ExtensionList;
import hudson.ExtensionPoint;
import hudson.model.Item;
import hudson.util.FormValidation;

/**
 * What the endpoint form's "Send test delivery" button does. The configuration only describes
 * endpoints; sending is the deliveries package's job, which implements this, so that the
 * dependency runs one way (deliveries → config).
 */
public interface EndpointTester extends ExtensionPoint {
    /**
     * Sends a sample payload to {@code endpoint} as the form shows it, with credentials as builds of
     * {@code item} (the system, when null) see them, and says how it went.
     */
    FormValidation test(WebhookEndpoint endpoint, @CheckForNull Item item);

    static EndpointTester get() {
        return ExtensionList.lookupSingleton(EndpointTester.class);
    }
}
