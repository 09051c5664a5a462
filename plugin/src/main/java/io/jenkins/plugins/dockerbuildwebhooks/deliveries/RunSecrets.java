package io.jenkins.plugins.dockerbuildwebhooks.deliveries;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.Run;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.Secret;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.SecretLookup;
import java.util.List;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Finds an endpoint's secrets again when a journalled delivery is resumed or redelivered: the
 * journal keeps credentials ids, never values, and they are looked up as the build that first sent
 * the delivery would see them (so credentials the build could not use stay out of reach).
 */
final class RunSecrets implements SecretLookup {
    private static final String PREFIX = "credentials:";
    private final Run<?, ?> run;

    RunSecrets(Run<?, ?> run) {
        this.run = run;
    }

    @Override
    public Secret find(String ref) {
        String id = ref.startsWith(PREFIX) ? ref.substring(PREFIX.length()) : ref;
        StandardCredentials credentials = CredentialsProvider.findCredentialById(id, StandardCredentials.class, run, List.of());
        if (credentials instanceof StringCredentials text) {
            return Secret.of(text.getSecret().getPlainText());
        }
        if (credentials instanceof StandardUsernamePasswordCredentials password) {
            return Secret.of(password.getPassword().getPlainText());
        }
        throw new IllegalArgumentException(credentials == null
                ? "credentials \"" + id + "\" no longer exist or " + run.getFullDisplayName() + " may not use them"
                : "credentials \"" + id + "\" are neither secret text nor username with password");
    }
}
