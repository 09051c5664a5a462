package io.jenkins.plugins.dockerbuildwebhooks.config;

import hudson.util.ListBoxModel;

/** The fixed drop-down lists of the forms. */
public final class Choices {
    private Choices() {}

    /** Signature schemes by the ids core uses. */
    public static ListBoxModel signatureSchemes() {
        ListBoxModel model = new ListBoxModel();
        model.add(Messages.Choices_signatureBoth(), "both");
        model.add(Messages.Choices_signatureStandardWebhooks(), "standard-webhooks");
        model.add(Messages.Choices_signatureHub(), "hub-signature-256");
        model.add(Messages.Choices_signatureNone(), WebhookEndpoint.SIGNATURE_NONE);
        return model;
    }

    /**
     * Payload profiles; with {@code inheritOption} first an empty choice meaning "as each endpoint
     * says".
     */
    public static ListBoxModel payloadProfiles(boolean inheritOption) {
        ListBoxModel model = new ListBoxModel();
        if (inheritOption) {
            model.add(Messages.Choices_profileInherit(), "");
        }
        model.add(Messages.Choices_profileDockerHub(), "docker-hub");
        model.add(Messages.Choices_profileDockerHubLegacy(), "docker-hub-legacy");
        model.add(Messages.Choices_profileRegistryNotification(), "registry-notification");
        model.add(Messages.Choices_profileCdevents(), "cdevents");
        return model;
    }

    /** CDEvents spec versions; the empty choice is the default, 0.4.1. */
    public static ListBoxModel cdeventsSpecs() {
        ListBoxModel model = new ListBoxModel();
        model.add(Messages.Choices_cdevents041(), "");
        model.add(Messages.Choices_cdevents051(), "0.5.1");
        return model;
    }

    /** CloudEvents HTTP modes; the empty choice is the default, binary. */
    public static ListBoxModel cloudEventsModes() {
        ListBoxModel model = new ListBoxModel();
        model.add(Messages.Choices_cloudEventsBinary(), "");
        model.add(Messages.Choices_cloudEventsStructured(), "structured");
        return model;
    }
}
