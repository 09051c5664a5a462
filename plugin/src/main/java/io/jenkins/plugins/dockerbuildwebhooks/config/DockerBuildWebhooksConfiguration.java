package io.jenkins.plugins.dockerbuildwebhooks.config;

import hudson.BulkChange;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.Util;
import hudson.util.FormValidation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jenkins.model.GlobalConfiguration;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * Manage Jenkins → System → Docker build webhooks: the endpoints builds may send to, the delivery
 * defaults and the network policy. Saved to {@code $JENKINS_HOME/<this class>.xml}; configurable
 * with JCasC under {@code unclassified: dockerBuildWebhooks:}.
 */
@Extension
@Symbol("dockerBuildWebhooks")
public class DockerBuildWebhooksConfiguration extends GlobalConfiguration {
    public static final int DEFAULT_CONNECT_TIMEOUT_SECONDS = 5;
    public static final int DEFAULT_TIMEOUT_SECONDS = 15;
    public static final int DEFAULT_MAX_ATTEMPTS = 5;
    public static final int DEFAULT_WAIT_SECONDS = 120;
    public static final String DEFAULT_PUSHER = "jenkins";

    private List<WebhookEndpoint> endpoints = new ArrayList<>();
    private int connectTimeoutSeconds = DEFAULT_CONNECT_TIMEOUT_SECONDS;
    private int timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;
    private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
    private int waitSeconds = DEFAULT_WAIT_SECONDS;
    private String defaultPusher = DEFAULT_PUSHER;
    private boolean blockPrivateNetworks;
    private String allowList = "";

    public DockerBuildWebhooksConfiguration() {
        load();
    }

    /** The instance Jenkins holds. */
    public static DockerBuildWebhooksConfiguration get() {
        return ExtensionList.lookupSingleton(DockerBuildWebhooksConfiguration.class);
    }

    @Override
    public String getDisplayName() {
        return Messages.DockerBuildWebhooksConfiguration_displayName();
    }

    /**
     * Binds the whole form and saves once. The endpoint list is emptied first because a form with
     * no endpoint sends no {@code endpoints} key, and binding alone would keep the old ones.
     */
    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        try (BulkChange bc = new BulkChange(this)) {
            endpoints = new ArrayList<>();
            req.bindJSON(this, json);
            Optional<String> duplicate = firstDuplicateId(endpoints);
            if (duplicate.isPresent()) {
                throw new FormException("Two endpoints have the id \"" + duplicate.get() + "\": ids must be unique.",
                        "endpoints");
            }
            bc.commit();
        } catch (IOException e) {
            throw new FormException("Could not save the Docker build webhooks configuration: " + e.getMessage(), e,
                    "endpoints");
        }
        return true;
    }

    private static Optional<String> firstDuplicateId(List<WebhookEndpoint> endpoints) {
        Set<String> seen = new HashSet<>();
        for (WebhookEndpoint e : endpoints) {
            if (!seen.add(e.getId())) {
                return Optional.of(e.getId());
            }
        }
        return Optional.empty();
    }

    public List<WebhookEndpoint> getEndpoints() {
        return List.copyOf(endpoints);
    }

    @DataBoundSetter
    public void setEndpoints(List<WebhookEndpoint> endpoints) {
        this.endpoints = new ArrayList<>(Util.fixNull(endpoints));
        save();
    }

    /** The endpoint with this id, enabled or not. */
    public Optional<WebhookEndpoint> findEndpoint(String id) {
        return endpoints.stream().filter(e -> e.getId().equals(id)).findFirst();
    }

    /** Connect timeout of each attempt, in seconds. */
    public int getConnectTimeoutSeconds() {
        return connectTimeoutSeconds;
    }

    @DataBoundSetter
    public void setConnectTimeoutSeconds(int connectTimeoutSeconds) {
        this.connectTimeoutSeconds = connectTimeoutSeconds;
        save();
    }

    /** Deadline of one whole attempt (connect, send, response), in seconds. */
    public int getTimeoutSeconds() {
        return timeoutSeconds;
    }

    @DataBoundSetter
    public void setTimeoutSeconds(int timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds;
        save();
    }

    /** Attempts per delivery in all, the first included. */
    public int getMaxAttempts() {
        return maxAttempts;
    }

    @DataBoundSetter
    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
        save();
    }

    /** How long a build waits for its deliveries by default, in seconds. */
    public int getWaitSeconds() {
        return waitSeconds;
    }

    @DataBoundSetter
    public void setWaitSeconds(int waitSeconds) {
        this.waitSeconds = waitSeconds;
        save();
    }

    /** The {@code pusher} of builds no user started (timers, SCM triggers, upstream builds). */
    public String getDefaultPusher() {
        return defaultPusher;
    }

    @DataBoundSetter
    public void setDefaultPusher(String defaultPusher) {
        String value = Util.fixEmptyAndTrim(defaultPusher);
        this.defaultPusher = value == null ? DEFAULT_PUSHER : value;
        save();
    }

    /** Whether loopback, RFC 1918, CGNAT and ULA addresses are refused too (metadata and link-local always are). */
    public boolean isBlockPrivateNetworks() {
        return blockPrivateNetworks;
    }

    @DataBoundSetter
    public void setBlockPrivateNetworks(boolean blockPrivateNetworks) {
        this.blockPrivateNetworks = blockPrivateNetworks;
        save();
    }

    /** CIDR ranges or host names, one per line, that stay allowed when private networks are blocked. */
    public String getAllowList() {
        return allowList;
    }

    @DataBoundSetter
    public void setAllowList(String allowList) {
        this.allowList = Util.fixNull(allowList).trim();
        save();
    }

    /** The allow list as entries. */
    public List<String> allowListEntries() {
        List<String> entries = new ArrayList<>();
        for (String line : allowList.split("[,\\s]+")) {
            if (!line.isEmpty()) {
                entries.add(line);
            }
        }
        return entries;
    }

    @POST
    public FormValidation doCheckConnectTimeoutSeconds(@QueryParameter String value) {
        ConfigPermissions.checkConfigure(null);
        return EndpointValidation.number(value, 1, 300, "The connect timeout");
    }

    @POST
    public FormValidation doCheckTimeoutSeconds(@QueryParameter String value) {
        ConfigPermissions.checkConfigure(null);
        return EndpointValidation.number(value, 1, 600, "The attempt timeout");
    }

    @POST
    public FormValidation doCheckMaxAttempts(@QueryParameter String value) {
        ConfigPermissions.checkConfigure(null);
        return EndpointValidation.number(value, 1, 20, "Attempts");
    }

    @POST
    public FormValidation doCheckWaitSeconds(@QueryParameter String value) {
        ConfigPermissions.checkConfigure(null);
        return EndpointValidation.number(value, 0, 3600, Messages.DockerBuildWebhooksConfiguration_waitTime());
    }

    @POST
    public FormValidation doCheckDefaultPusher(@QueryParameter String value) {
        ConfigPermissions.checkConfigure(null);
        return Util.fixEmptyAndTrim(value) == null
                ? FormValidation.warning(Messages.DockerBuildWebhooksConfiguration_emptyPusher(DEFAULT_PUSHER)) : FormValidation.ok();
    }

    @POST
    public FormValidation doCheckAllowList(@QueryParameter String value) {
        ConfigPermissions.checkConfigure(null);
        return NetworkPolicyValidation.allowList(value);
    }
}
