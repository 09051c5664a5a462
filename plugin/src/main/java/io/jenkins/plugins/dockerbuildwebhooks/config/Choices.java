package io.jenkins.plugins.dockerbuildwebhooks.config;

import hudson.util.ListBoxModel;

/** The fixed drop-down lists of the forms. */
public final class Choices {
    private Choices() {}

    /** Signature schemes by the ids core uses. */
    public static ListBoxModel signatureSchemes() {
        ListBoxModel model = new ListBoxModel();
        model.add("Standard Webhooks and X-Hub-Signature-256", "both");
        model.add("Standard Webhooks (webhook-signature)", "standard-webhooks");
        model.add("GitHub style (X-Hub-Signature-256)", "hub-signature-256");
        model.add("None", WebhookEndpoint.SIGNATURE_NONE);
        return model;
    }

    /**
     * Payload profiles; with {@code inheritOption} first an empty choice meaning "as each endpoint
     * says".
     */
    public static ListBoxModel payloadProfiles(boolean inheritOption) {
        ListBoxModel model = new ListBoxModel();
        if (inheritOption) {
            model.add("As configured on each endpoint", "");
        }
        model.add("Docker Hub (integer numbers; what Docker Hub sends today)", "docker-hub");
        model.add("Docker Hub legacy (the old documented types; typed receivers reject it)", "docker-hub-legacy");
        return model;
    }
}
