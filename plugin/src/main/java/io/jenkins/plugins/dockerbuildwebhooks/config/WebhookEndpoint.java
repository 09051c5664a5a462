package io.jenkins.plugins.dockerbuildwebhooks.config;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.dockerbuildwebhooks.credentials.CredentialsListing;
import java.io.Serializable;
import java.util.Objects;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * One place deliveries go to: a receiver URL (or a secret-text credential holding it, for URLs that
 * carry tokens), how requests are signed and authenticated, which payload shape it reads and which
 * repositories it wants. Holds credentials ids only, never secrets; {@link
 * io.jenkins.plugins.dockerbuildwebhooks.deliveries.EndpointResolver} resolves them when sending.
 *
 * <p>Used in the global configuration and inline in a job's post-build action or Pipeline step.
 */
public final class WebhookEndpoint implements Describable<WebhookEndpoint>, Serializable {
    private static final long serialVersionUID = 1L;

    /** Signature scheme ids, as core names them. */
    public static final String SIGNATURE_NONE = "none";
    public static final String DEFAULT_SIGNATURE = "both";
    public static final String DEFAULT_PAYLOAD_PROFILE = "docker-hub";

    private final String id;
    private String url = "";
    private String urlCredentialsId = "";
    private String secretCredentialsId = "";
    private String signatureScheme = DEFAULT_SIGNATURE;
    private String authCredentialsId = "";
    private String headers = "";
    private String payloadProfile = DEFAULT_PAYLOAD_PROFILE;
    private String repositories = "";
    private boolean enabled = true;
    private boolean callbacks;

    @DataBoundConstructor
    public WebhookEndpoint(String id) {
        this.id = Util.fixNull(id).trim();
    }

    /** The name builds select the endpoint by and results show. */
    public String getId() {
        return id;
    }

    /** The receiver URL when it holds no secret; empty when {@link #getUrlCredentialsId()} is used. */
    public String getUrl() {
        return url;
    }

    @DataBoundSetter
    public void setUrl(String url) {
        this.url = Util.fixNull(url).trim();
    }

    /** A secret-text credential whose value is the URL, for URLs that carry tokens. */
    public String getUrlCredentialsId() {
        return urlCredentialsId;
    }

    @DataBoundSetter
    public void setUrlCredentialsId(String urlCredentialsId) {
        this.urlCredentialsId = Util.fixNull(urlCredentialsId).trim();
    }

    /** The secret-text credential requests are signed with; empty for unsigned requests. */
    public String getSecretCredentialsId() {
        return secretCredentialsId;
    }

    @DataBoundSetter
    public void setSecretCredentialsId(String secretCredentialsId) {
        this.secretCredentialsId = Util.fixNull(secretCredentialsId).trim();
    }

    /** {@code standard-webhooks}, {@code hub-signature-256}, {@code both} or {@code none}. */
    public String getSignatureScheme() {
        return signatureScheme;
    }

    @DataBoundSetter
    public void setSignatureScheme(String signatureScheme) {
        String value = Util.fixEmptyAndTrim(signatureScheme);
        this.signatureScheme = value == null ? DEFAULT_SIGNATURE : value;
    }

    /**
     * The signature actually used: none without a signing secret, whatever the scheme says, since an
     * HMAC needs a key.
     */
    public String effectiveSignatureScheme() {
        return secretCredentialsId.isEmpty() ? SIGNATURE_NONE : signatureScheme;
    }

    /** Secret text (sent as a bearer token) or username with password (HTTP basic); empty for none. */
    public String getAuthCredentialsId() {
        return authCredentialsId;
    }

    @DataBoundSetter
    public void setAuthCredentialsId(String authCredentialsId) {
        this.authCredentialsId = Util.fixNull(authCredentialsId).trim();
    }

    /** Extra request headers, one {@code Name: value} per line; not for secrets. */
    public String getHeaders() {
        return headers;
    }

    @DataBoundSetter
    public void setHeaders(String headers) {
        this.headers = Util.fixNull(headers).trim();
    }

    /** {@code docker-hub} or {@code docker-hub-legacy}. */
    public String getPayloadProfile() {
        return payloadProfile;
    }

    @DataBoundSetter
    public void setPayloadProfile(String payloadProfile) {
        String value = Util.fixEmptyAndTrim(payloadProfile);
        this.payloadProfile = value == null ? DEFAULT_PAYLOAD_PROFILE : value;
    }

    /** Repository patterns (see {@code RepositoryFilter}) that select which images go here; empty for all. */
    public String getRepositories() {
        return repositories;
    }

    @DataBoundSetter
    public void setRepositories(String repositories) {
        this.repositories = Util.fixNull(repositories).trim();
    }

    public boolean isEnabled() {
        return enabled;
    }

    @DataBoundSetter
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * Whether payloads to this endpoint carry a {@code callback_url} pointing at this Jenkins (with
     * a per-delivery token), so the receiver can report back; needs the Jenkins URL to be set.
     */
    public boolean isCallbacks() {
        return callbacks;
    }

    @DataBoundSetter
    public void setCallbacks(boolean callbacks) {
        this.callbacks = callbacks;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WebhookEndpoint e && e.id.equals(id) && e.url.equals(url)
                && e.urlCredentialsId.equals(urlCredentialsId) && e.secretCredentialsId.equals(secretCredentialsId)
                && e.signatureScheme.equals(signatureScheme) && e.authCredentialsId.equals(authCredentialsId)
                && e.headers.equals(headers) && e.payloadProfile.equals(payloadProfile)
                && e.repositories.equals(repositories) && e.enabled == enabled && e.callbacks == callbacks;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, url, urlCredentialsId, secretCredentialsId);
    }

    /** Never the URL: it may carry a token. */
    @Override
    public String toString() {
        return "WebhookEndpoint[" + id + "]";
    }

    /** Form validation, credentials lists and the "Send test delivery" button. */
    @Extension
    @Symbol("endpoint")
    public static final class DescriptorImpl extends Descriptor<WebhookEndpoint> {
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
                @QueryParameter String authCredentialsId, @QueryParameter String headers,
                @QueryParameter String payloadProfile) {
            ConfigPermissions.checkConfigure(item);
            WebhookEndpoint endpoint = new WebhookEndpoint(Util.fixEmptyAndTrim(id) == null ? "test" : id);
            endpoint.setUrl(url);
            endpoint.setUrlCredentialsId(urlCredentialsId);
            endpoint.setSecretCredentialsId(secretCredentialsId);
            endpoint.setSignatureScheme(signatureScheme);
            endpoint.setAuthCredentialsId(authCredentialsId);
            endpoint.setHeaders(headers);
            endpoint.setPayloadProfile(payloadProfile);
            return EndpointTester.get().test(endpoint, item);
        }
    }
}
