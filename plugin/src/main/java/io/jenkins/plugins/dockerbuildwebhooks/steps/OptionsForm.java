package io.jenkins.plugins.dockerbuildwebhooks.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Util;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.dockerbuildwebhooks.config.Choices;
import io.jenkins.plugins.dockerbuildwebhooks.config.DockerBuildWebhooksConfiguration;
import io.jenkins.plugins.dockerbuildwebhooks.config.EndpointValidation;
import io.jenkins.plugins.dockerbuildwebhooks.config.WebhookEndpoint;
import io.jenkins.plugins.dockerbuildwebhooks.image.ImageReference;
import io.jenkins.plugins.dockerbuildwebhooks.image.InvalidReferenceException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Validation, lists and help shared by the post-build action's and the step's forms (both show
 * {@code lib/dockerbuildwebhooks/options.jelly}); their descriptors check permissions and delegate
 * here.
 */
final class OptionsForm {
    /** Fields whose help lives in {@code webapp/help/}, one file for both forms. */
    private static final Set<String> SHARED_HELP = Set.of("endpoints", "inlineEndpoints", "images", "iidFile",
            "metadataFile", "digestFile", "manifestFile", "scanConsoleLog", "includeDigest", "payloadProfile", "pusher", "failureMode", "waitSeconds");

    private OptionsForm() {}

    /**
     * The help URL of a shared field, or empty to let Jenkins look next to the class. {@code
     * fieldName} is null when Jenkins asks for the help of the whole step or action
     * ({@code Descriptor.getHelpFile()}, e.g. in the post-build action list); {@code Set.of(...)}
     * throws on {@code contains(null)}, so that case is answered first.
     */
    static Optional<String> helpFile(@CheckForNull String fieldName) {
        if (fieldName == null || !SHARED_HELP.contains(fieldName)) {
            return Optional.empty();
        }
        return Optional.of("/plugin/docker-build-webhooks/help/" + fieldName + ".html");
    }

    static FormValidation checkEndpoints(String value) {
        List<String> known = DockerBuildWebhooksConfiguration.get().getEndpoints().stream()
                .map(WebhookEndpoint::getId).toList();
        WebhookOptions options = new WebhookOptions();
        options.setEndpoints(value);
        if (options.endpointIds().isEmpty()) {
            return known.isEmpty() ? FormValidation.ok() : FormValidation.ok(Messages.OptionsForm_everyEndpoint(String.join(", ", known)));
        }
        List<String> unknown = options.endpointIds().stream().filter(id -> !known.contains(id)).toList();
        if (!unknown.isEmpty()) {
            return FormValidation.error(Messages.OptionsForm_unknownEndpoint(String.join(", ", unknown),
                    known.isEmpty() ? Messages.OptionsForm_none() : String.join(", ", known)));
        }
        return FormValidation.ok();
    }

    private static final java.util.regex.Pattern BUILD_VARIABLE =
            java.util.regex.Pattern.compile("\\$\\{[^}]*}|\\$[A-Za-z_][A-Za-z0-9_]*");

    static FormValidation checkImages(String value) {
        WebhookOptions options = new WebhookOptions();
        options.setImages(value);
        for (String text : options.imageReferences()) {
            try {
                // ${VAR} and $VAR are expanded from the build's environment when it runs: check the
                // shape around them, with a stand-in that is valid in every part of a reference.
                ImageReference.parse(BUILD_VARIABLE.matcher(text).replaceAll("x0"));
            } catch (InvalidReferenceException e) {
                return FormValidation.error(e.getMessage());
            }
        }
        return FormValidation.ok();
    }

    static FormValidation checkWaitSeconds(String value) {
        return Util.fixEmptyAndTrim(value) == null ? FormValidation.ok()
                : EndpointValidation.number(value, 0, 3600, Messages.OptionsForm_waitTime());
    }

    static FormValidation checkFailureMode(String value) {
        try {
            FailureMode.fromId(value);
            return FormValidation.ok();
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    static ListBoxModel payloadProfiles() {
        return Choices.payloadProfiles(true);
    }

    static ListBoxModel failureModes() {
        return FailureMode.choices();
    }
}
