package io.jenkins.plugins.dockerbuildwebhooks.deliveries;

import io.jenkins.plugins.dockerbuildwebhooks.config.DockerBuildWebhooksConfiguration;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.AddressPolicy;
import jenkins.model.Jenkins;

/** The network policy and proxy Jenkins is configured with, as core wants them. */
public final class NetworkSettings {
    private NetworkSettings() {}

    /**
     * The address policy of the global configuration.
     *
     * @throws IllegalArgumentException naming an allow-list entry core cannot read
     */
    public static AddressPolicy addressPolicy(DockerBuildWebhooksConfiguration config) {
        AddressPolicy.Builder b = AddressPolicy.builder().blockPrivate(config.isBlockPrivateNetworks());
        for (String entry : config.allowListEntries()) {
            b.allow(entry);
        }
        return b.build();
    }

    /** A transport with the current global policy, Jenkins' proxy and a Jenkins user agent. */
    public static DeliveryTransport transport() {
        return new CoreDeliveryTransport(() -> addressPolicy(DockerBuildWebhooksConfiguration.get()),
                () -> Jenkins.get().getProxy(), userAgent());
    }

    /** What requests and registry events name as their sender. */
    public static String userAgent() {
        return "docker-build-webhooks Jenkins/" + Jenkins.VERSION;
    }
}
