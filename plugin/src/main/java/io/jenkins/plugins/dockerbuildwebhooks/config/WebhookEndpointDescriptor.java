package io.jenkins.plugins.dockerbuildwebhooks.config;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.dockerbuildwebhooks.credentials.CredentialsListing;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The endpoint form ({@code WebhookEndpoint/config.jelly}): validation, lists and the "Send test
 * delivery" button. Every web method is a POST that checks who may configure where the form is
 * ({@link ConfigPermissions}); the checks themselves are {@link EndpointValidation}'s.
 */
@Extension
@Symbol("endpoint")
public final class WebhookEndpointDescriptor extends Descriptor<WebhookEndpoint> {
    public WebhookEndpointDescriptor() {
        super(WebhookEndpoint.class);
    }

    @Override
    public String getDisplayName() {
        return Messages.WebhookEndpoint_displayName();
    }

    @POST
    public FormValidation doCheckId(@AncestorInPath @CheckForNull Item item, @QueryParameter String value) {
        ConfigPermissions.checkConfigure(item);
        return EndpointValidation.id(value);
    }

    @POST
    public FormValidation doCheckUrl(@AncestorInPath @CheckForNull Item item, @QueryParameter String value,
            @QueryParameter String urlCredentialsId) {
        ConfigPermissions.checkConfigure(item);
        return EndpointValidation.url(value, urlCredentialsId);
    }

    @POST
    public FormValidation doCheckUrlCredentialsId(@AncestorInPath @CheckForNull Item item,
            @QueryParameter String value, @QueryParameter String url) {
        ConfigPermissions.checkConfigure(item);
        return EndpointValidation.urlCredentials(value, url);
    }

    @POST
    public FormValidation doCheckSecretCredentialsId(@AncestorInPath @CheckForNull Item item,
            @QueryParameter String value, @QueryParameter String signatureScheme) {
        ConfigPermissions.checkConfigure(item);
        return EndpointValidation.secret(value, signatureScheme);
    }

    @POST
    public FormValidation doCheckHeaders(@AncestorInPath @CheckForNull Item item, @QueryParameter String value) {
        ConfigPermissions.checkConfigure(item);
        return EndpointValidation.headers(value);
    }

    @POST
    public FormValidation doCheckRepositories(@AncestorInPath @CheckForNull Item item,
            @QueryParameter String value) {
        ConfigPermissions.checkConfigure(item);
        return EndpointValidation.repositories(value);
    }

    @POST
    public FormValidation doCheckCdeventsSpec(@AncestorInPath @CheckForNull Item item, @QueryParameter String value,
            @QueryParameter String payloadProfile) {
        ConfigPermissions.checkConfigure(item);
        return EndpointValidation.cdeventsSpec(value, payloadProfile);
    }

    @POST
    public FormValidation doCheckCloudEventsMode(@AncestorInPath @CheckForNull Item item,
            @QueryParameter String value, @QueryParameter String payloadProfile) {
        ConfigPermissions.checkConfigure(item);
        return EndpointValidation.cloudEventsMode(value, payloadProfile);
    }

    @POST
    public FormValidation doCheckHubSignatureHeader(@AncestorInPath @CheckForNull Item item,
            @QueryParameter String value, @QueryParameter String signatureScheme) {
        ConfigPermissions.checkConfigure(item);
        return EndpointValidation.hubSignatureHeader(value, signatureScheme);
    }

    @POST
    public ListBoxModel doFillSignatureSchemeItems(@AncestorInPath @CheckForNull Item item) {
        ConfigPermissions.checkConfigure(item);
        return Choices.signatureSchemes();
    }

    @POST
    public ListBoxModel doFillPayloadProfileItems(@AncestorInPath @CheckForNull Item item) {
        ConfigPermissions.checkConfigure(item);
        return Choices.payloadProfiles(false);
    }

    @POST
    public ListBoxModel doFillCdeventsSpecItems(@AncestorInPath @CheckForNull Item item) {
        ConfigPermissions.checkConfigure(item);
        return Choices.cdeventsSpecs();
    }

    @POST
    public ListBoxModel doFillCloudEventsModeItems(@AncestorInPath @CheckForNull Item item) {
        ConfigPermissions.checkConfigure(item);
        return Choices.cloudEventsModes();
    }

    @POST
    public ListBoxModel doFillUrlCredentialsIdItems(@AncestorInPath @CheckForNull Item item,
            @QueryParameter String urlCredentialsId) {
        return CredentialsListing.secretText(item, urlCredentialsId);
    }

    @POST
    public ListBoxModel doFillSecretCredentialsIdItems(@AncestorInPath @CheckForNull Item item,
            @QueryParameter String secretCredentialsId) {
        return CredentialsListing.secretText(item, secretCredentialsId);
    }

    @POST
    public ListBoxModel doFillAuthCredentialsIdItems(@AncestorInPath @CheckForNull Item item,
            @QueryParameter String authCredentialsId) {
        return CredentialsListing.authentication(item, authCredentialsId);
    }

    /**
     * Posts a sample payload to the endpoint as the form shows it, without saving anything, and
     * answers with the status, latency and the start of the response.
     */
    @POST
    public FormValidation doTestDelivery(@AncestorInPath @CheckForNull Item item, @QueryParameter String id,
            @QueryParameter String url, @QueryParameter String urlCredentialsId,
            @QueryParameter String secretCredentialsId, @QueryParameter String signatureScheme,
            @QueryParameter String hubSignatureHeader, @QueryParameter String authCredentialsId,
            @QueryParameter String headers, @QueryParameter String payloadProfile,
            @QueryParameter String cdeventsSpec, @QueryParameter String cloudEventsMode) {
        ConfigPermissions.checkConfigure(item);
        WebhookEndpoint endpoint = new WebhookEndpoint(Util.fixEmptyAndTrim(id) == null ? "test" : id);
        endpoint.setUrl(url);
        endpoint.setUrlCredentialsId(urlCredentialsId);
        endpoint.setSecretCredentialsId(secretCredentialsId);
        endpoint.setSignatureScheme(signatureScheme);
        endpoint.setHubSignatureHeader(hubSignatureHeader);
        endpoint.setAuthCredentialsId(authCredentialsId);
        endpoint.setHeaders(headers);
        endpoint.setPayloadProfile(payloadProfile);
        endpoint.setCdeventsSpec(cdeventsSpec);
        endpoint.setCloudEventsMode(cloudEventsMode);
        return EndpointTester.get().test(endpoint, item);
    }
}
