package io.jenkins.plugins.dockerbuildwebhooks.deliveries;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.AbortException;
import hudson.model.Run;
import io.jenkins.plugins.dockerbuildwebhooks.credentials.CredentialsLookup;
import io.jenkins.plugins.dockerbuildwebhooks.credentials.CredentialsRef;
import io.jenkins.plugins.dockerbuildwebhooks.credentials.CredentialsType;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.Secret;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.SecretLookup;
import java.util.List;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Finds an endpoint's secrets (and a URL from a URL credential) again when a journalled delivery
 * is resumed or redelivered: the journal keeps {@link CredentialsRef}s, never values, and each is
 * looked up in the context the first send used: a global endpoint's by the system, as when it was
 * configured; an inline endpoint's as the build, so credentials the build could not use stay out
 * of reach.
 */
final class RunSecrets implements SecretLookup {
    private final Run<?, ?> run;

    RunSecrets(Run<?, ?> run) {
        this.run = run;
    }

    @Override
    public Secret find(String ref) {
        CredentialsRef reference = CredentialsRef.parse(ref);
        String purpose = (reference.context() == CredentialsRef.Context.GLOBAL ? "a global endpoint's, for "
                : "looked up as ") + run.getFullDisplayName();
        StandardCredentials credentials;
        try {
            credentials = CredentialsLookup.in(reference.context(), run).require(reference.id(), purpose,
                    List.of(CredentialsType.SECRET_TEXT, CredentialsType.USERNAME_PASSWORD));
        } catch (AbortException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (credentials instanceof StringCredentials text) {
            return Secret.of(text.getSecret().getPlainText());
        }
        return Secret.of(((StandardUsernamePasswordCredentials) credentials).getPassword().getPlainText());
    }
}
