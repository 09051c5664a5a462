package io.jenkins.plugins.dockerbuildwebhooks.config;

import hudson.Util;
import hudson.util.FormValidation;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.Endpoint;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.HeaderLine;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.WebhookUrls;
import io.jenkins.plugins.dockerbuildwebhooks.image.RepositoryFilter;
import io.jenkins.plugins.dockerbuildwebhooks.payload.FormatOptions;
import io.jenkins.plugins.dockerbuildwebhooks.payload.PayloadProfile;
import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The checks behind the endpoint form's validation. Messages name what is wrong but never echo a
 * URL's path or query, which may hold a token.
 */
public final class EndpointValidation {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private EndpointValidation() {}

    public static FormValidation id(String value) {
        String id = Util.fixNull(value).trim();
        if (id.isEmpty()) {
            return FormValidation.error(Messages.EndpointValidation_idMissing());
        }
        if (!ID.matcher(id).matches()) {
            return FormValidation.error(Messages.EndpointValidation_idInvalid());
        }
        return FormValidation.ok();
    }

    public static FormValidation url(String value, String urlCredentialsId) {
        String url = Util.fixNull(value).trim();
        boolean viaCredentials = !Util.fixNull(urlCredentialsId).isBlank();
        if (url.isEmpty()) {
            return viaCredentials ? FormValidation.ok()
                    : FormValidation.error(Messages.EndpointValidation_urlMissing());
        }
        if (viaCredentials) {
            return FormValidation.error(Messages.EndpointValidation_urlTwice());
        }
        Optional<String> problem = WebhookUrls.problem(url);
        if (problem.isPresent()) {
            return FormValidation.error(Messages.EndpointValidation_urlProblem(problem.get()));
        }
        URI uri = URI.create(url);
        if (uri.getRawQuery() != null) {
            return FormValidation.warning(Messages.EndpointValidation_urlQuery());
        }
        return FormValidation.ok();
    }

    public static FormValidation urlCredentials(String value, String url) {
        if (!Util.fixNull(value).isBlank() && !Util.fixNull(url).isBlank()) {
            return FormValidation.error(Messages.EndpointValidation_urlTwice());
        }
        return FormValidation.ok();
    }

    public static FormValidation secret(String value, String signatureScheme) {
        boolean signs = !WebhookEndpoint.SIGNATURE_NONE.equals(Util.fixEmptyAndTrim(signatureScheme));
        if (Util.fixNull(value).isBlank() && signs) {
            return FormValidation.warning(Messages.EndpointValidation_unsigned());
        }
        return FormValidation.ok();
    }

    public static FormValidation headers(String value) {
        try {
            HeaderLine.parseLines(value);
            return FormValidation.ok();
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    public static FormValidation repositories(String value) {
        try {
            RepositoryFilter filter = RepositoryFilter.parse(value);
            return filter.acceptsAll() ? FormValidation.ok(Messages.EndpointValidation_everyRepository()) : FormValidation.ok();
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    /** The CDEvents spec version, as core reads it; a note when the profile does not use it. */
    public static FormValidation cdeventsSpec(String value, String payloadProfile) {
        try {
            FormatOptions.parse(PayloadProfile.CDEVENTS.id(), value, null);
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
        return cdeventsOnly(value, payloadProfile);
    }

    /** The CloudEvents mode, as core reads it; a note when the profile does not use it. */
    public static FormValidation cloudEventsMode(String value, String payloadProfile) {
        try {
            FormatOptions.parse(PayloadProfile.CDEVENTS.id(), null, value);
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
        return cdeventsOnly(value, payloadProfile);
    }

    private static FormValidation cdeventsOnly(String value, String payloadProfile) {
        boolean cdevents = PayloadProfile.CDEVENTS.id().equals(Util.fixNull(payloadProfile).trim());
        return cdevents || Util.fixEmptyAndTrim(value) == null ? FormValidation.ok()
                : FormValidation.ok(Messages.EndpointValidation_cdeventsOnly());
    }

    /**
     * The name of the {@code sha256=<hex>} signature header, as core's endpoint takes it; a warning
     * when the signature scheme sends no such signature.
     */
    public static FormValidation hubSignatureHeader(String value, String signatureScheme) {
        String name = Util.fixEmptyAndTrim(value);
        if (name == null) {
            return FormValidation.ok();
        }
        try {
            Endpoint.builder("https://receiver.invalid/").hubSignatureHeader(name);
        } catch (IllegalArgumentException e) {
            return FormValidation.error(Messages.EndpointValidation_hubSignatureHeader(e.getMessage()));
        }
        String scheme = Util.fixEmptyAndTrim(signatureScheme);
        if (scheme != null && !scheme.equals(WebhookEndpoint.DEFAULT_SIGNATURE) && !scheme.equals("hub-signature-256")) {
            return FormValidation.warning(Messages.EndpointValidation_hubSignatureUnused(scheme));
        }
        return FormValidation.ok();
    }

    /** A whole number from {@code min} to {@code max}; {@code what} names the field in the message. */
    public static FormValidation number(String value, int min, int max, String what) {
        try {
            int n = Integer.parseInt(Util.fixNull(value).trim());
            if (n < min || n > max) {
                return FormValidation.error(Messages.EndpointValidation_outOfRange(what, String.valueOf(min), String.valueOf(max)));
            }
            return FormValidation.ok();
        } catch (NumberFormatException e) {
            return FormValidation.error(Messages.EndpointValidation_notANumber(what));
        }
    }
}
