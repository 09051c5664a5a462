package io.jenkins.plugins.dockerbuildwebhooks.testing;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.util.Secret;
import io.jenkins.plugins.dockerbuildwebhooks.config.DockerBuildWebhooksConfiguration;
import io.jenkins.plugins.dockerbuildwebhooks.config.WebhookEndpoint;
import java.util.List;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;

/** Set-up shared by the plugin's tests: credentials and global endpoints. */
public final class Fixtures {
    /** A 64-hex image ID, as an iidfile holds it. */
    public static final String IMAGE_ID = "sha256:" + "4f1e0c3a".repeat(8);

    private Fixtures() {}

    public static void addSecretText(String id, String value) throws Exception {
        add(new StringCredentialsImpl(CredentialsScope.GLOBAL, id, "test " + id, Secret.fromString(value)));
    }

    /** Secret text in the SYSTEM scope: for Jenkins itself (global configuration), not for builds. */
    public static void addSystemSecretText(String id, String value) throws Exception {
        add(new StringCredentialsImpl(CredentialsScope.SYSTEM, id, "test " + id, Secret.fromString(value)));
    }

    public static void addUsernamePassword(String id, String user, String password) throws Exception {
        add(new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, id, "test " + id, user, password));
    }

    private static void add(StandardCredentials c) throws Exception {
        SystemCredentialsProvider provider = SystemCredentialsProvider.getInstance();
        provider.getCredentials().add(c);
        provider.save();
    }

    /** An endpoint to {@code url} with the given id. */
    public static WebhookEndpoint endpoint(String id, String url) {
        WebhookEndpoint e = new WebhookEndpoint(id);
        e.setUrl(url);
        return e;
    }

    /** Replaces the global endpoints; one attempt per delivery so failures are quick. */
    public static DockerBuildWebhooksConfiguration globalEndpoints(WebhookEndpoint... endpoints) {
        DockerBuildWebhooksConfiguration config = DockerBuildWebhooksConfiguration.get();
        config.setEndpoints(List.of(endpoints));
        config.setMaxAttempts(1);
        return config;
    }
}
