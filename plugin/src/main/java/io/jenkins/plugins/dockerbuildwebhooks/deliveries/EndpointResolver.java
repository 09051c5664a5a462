package io.jenkins.plugins.dockerbuildwebhooks.deliveries;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.util.Secret;
import io.jenkins.plugins.dockerbuildwebhooks.config.DockerBuildWebhooksConfiguration;
import io.jenkins.plugins.dockerbuildwebhooks.config.WebhookEndpoint;
import io.jenkins.plugins.dockerbuildwebhooks.credentials.CredentialsLookup;
import io.jenkins.plugins.dockerbuildwebhooks.credentials.CredentialsType;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.HeaderLine;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.WebhookUrls;
import io.jenkins.plugins.dockerbuildwebhooks.payload.FormatOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Turns a configured {@link WebhookEndpoint} into a {@link ResolvedEndpoint}: credentials looked
 * up, headers and format parsed, timeouts from the global defaults. Every problem is an {@link AbortException}
 * naming the endpoint and, for credentials, their id.
 */
public final class EndpointResolver {
    private final CredentialsLookup credentials;
    private final DockerBuildWebhooksConfiguration defaults;

    public EndpointResolver(CredentialsLookup credentials, DockerBuildWebhooksConfiguration defaults) {
        this.credentials = credentials;
        this.defaults = defaults;
    }

    public ResolvedEndpoint resolve(WebhookEndpoint endpoint) throws AbortException {
        String name = "endpoint \"" + endpoint.getId() + "\"";
        String url = url(endpoint, name);
        Optional<String> problem = WebhookUrls.problem(url);
        if (problem.isPresent()) {
            throw new AbortException("The URL of " + name + " is not usable: it " + problem.get() + ".");
        }
        String scheme = endpoint.effectiveSignatureScheme();
        Secret signing = null;
        if (!endpoint.getSecretCredentialsId().isEmpty()) {
            signing = secretText(endpoint.getSecretCredentialsId(), "signing secret of " + name).getSecret();
        }
        Secret bearer = null;
        String basicUser = null;
        Secret basicPassword = null;
        if (!endpoint.getAuthCredentialsId().isEmpty()) {
            StandardCredentials auth = credentials.require(endpoint.getAuthCredentialsId(), "authentication of " + name,
                    List.of(CredentialsType.SECRET_TEXT, CredentialsType.USERNAME_PASSWORD));
            if (auth instanceof StringCredentials token) {
                bearer = token.getSecret();
            } else if (auth instanceof StandardUsernamePasswordCredentials basic) {
                basicUser = basic.getUsername();
                basicPassword = basic.getPassword();
            }
        }
        Map<String, String> headers;
        try {
            headers = HeaderLine.parseLines(endpoint.getHeaders());
        } catch (IllegalArgumentException e) {
            throw new AbortException("The headers of " + name + " are not usable: " + e.getMessage());
        }
        FormatOptions format;
        try {
            format = FormatOptions.parse(endpoint.getPayloadProfile(), endpoint.getCdeventsSpec(),
                    endpoint.getCloudEventsMode());
        } catch (IllegalArgumentException e) {
            throw new AbortException("The format of " + name + " is not usable: " + e.getMessage());
        }
        ResolvedEndpoint resolved = new ResolvedEndpoint(endpoint.getId(), url, emptyToNull(endpoint.getUrlCredentialsId()),
                credentials.context(), scheme, endpoint.getHubSignatureHeader(), signing,
                emptyToNull(endpoint.getSecretCredentialsId()), bearer, basicUser, basicPassword,
                emptyToNull(endpoint.getAuthCredentialsId()), headers, format,
                Duration.ofSeconds(Math.max(1, defaults.getConnectTimeoutSeconds())),
                Duration.ofSeconds(Math.max(1, defaults.getTimeoutSeconds())));
        try {
            CoreEndpoints.toCore(resolved);
        } catch (IllegalArgumentException e) {
            throw new AbortException("Endpoint \"" + endpoint.getId() + "\" is not usable: " + e.getMessage());
        }
        return resolved;
    }

    private String url(WebhookEndpoint endpoint, String name) throws AbortException {
        if (!endpoint.getUrlCredentialsId().isEmpty()) {
            return secretText(endpoint.getUrlCredentialsId(), "URL of " + name).getSecret().getPlainText().trim();
        }
        if (endpoint.getUrl().isEmpty()) {
            throw new AbortException("Endpoint \"" + endpoint.getId() + "\""
                    + " has neither a URL nor a URL credential.");
        }
        return endpoint.getUrl();
    }

    private StringCredentials secretText(String id, String purpose) throws AbortException {
        return (StringCredentials) credentials.require(id, purpose, List.of(CredentialsType.SECRET_TEXT));
    }

    @CheckForNull
    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
