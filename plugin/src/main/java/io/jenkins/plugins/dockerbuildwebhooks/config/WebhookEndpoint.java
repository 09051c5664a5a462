package io.jenkins.plugins.dockerbuildwebhooks.config;

import hudson.Util;
import hudson.model.Describable;
import java.io.Serializable;
import java.util.Objects;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * One place deliveries go to: a receiver URL (or a secret-text credential holding it, for URLs that
 * carry tokens), how requests are signed and authenticated, which format it reads and which
 * repositories it wants. Holds credentials ids only, never secrets; {@link
 * io.jenkins.plugins.dockerbuildwebhooks.deliveries.EndpointResolver} resolves them when sending.
 *
 * <p>Used in the global configuration and inline in a job's post-build action or Pipeline step. Its
 * form (validation, lists, the test button) is {@link WebhookEndpointDescriptor}.
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
    // Format and signature details added later: null in endpoints saved before they existed, read as empty.
    private String cdeventsSpec = "";
    private String cloudEventsMode = "";
    private String hubSignatureHeader = "";
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

    /** {@code docker-hub}, {@code docker-hub-legacy}, {@code registry-notification} or {@code cdevents}. */
    public String getPayloadProfile() {
        return payloadProfile;
    }

    @DataBoundSetter
    public void setPayloadProfile(String payloadProfile) {
        String value = Util.fixEmptyAndTrim(payloadProfile);
        this.payloadProfile = value == null ? DEFAULT_PAYLOAD_PROFILE : value;
    }

    /** The CDEvents spec version of the {@code cdevents} profile: {@code 0.4.1} or {@code 0.5.1}; empty for 0.4.1. */
    public String getCdeventsSpec() {
        return Util.fixNull(cdeventsSpec);
    }

    @DataBoundSetter
    public void setCdeventsSpec(String cdeventsSpec) {
        this.cdeventsSpec = Util.fixNull(cdeventsSpec).trim();
    }

    /** How the {@code cdevents} profile's CloudEvents travel: {@code binary} or {@code structured}; empty for binary. */
    public String getCloudEventsMode() {
        return Util.fixNull(cloudEventsMode);
    }

    @DataBoundSetter
    public void setCloudEventsMode(String cloudEventsMode) {
        this.cloudEventsMode = Util.fixNull(cloudEventsMode).trim();
    }

    /**
     * The header of the {@code sha256=<hex>} signature; empty for {@code X-Hub-Signature-256}. Some
     * receivers read another name (Flux's {@code generic-hmac} receiver: {@code X-Signature}).
     */
    public String getHubSignatureHeader() {
        return Util.fixNull(hubSignatureHeader);
    }

    @DataBoundSetter
    public void setHubSignatureHeader(String hubSignatureHeader) {
        this.hubSignatureHeader = Util.fixNull(hubSignatureHeader).trim();
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
                && e.getCdeventsSpec().equals(getCdeventsSpec()) && e.getCloudEventsMode().equals(getCloudEventsMode())
                && e.getHubSignatureHeader().equals(getHubSignatureHeader())
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
}
