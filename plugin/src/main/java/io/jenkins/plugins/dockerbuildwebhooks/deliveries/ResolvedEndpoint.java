package io.jenkins.plugins.dockerbuildwebhooks.deliveries;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.util.Secret;
import io.jenkins.plugins.dockerbuildwebhooks.credentials.CredentialsRef;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.WebhookUrls;
import java.time.Duration;
import java.util.Map;

/**
 * An endpoint with its credentials looked up, ready to send: what the Jenkins configuration
 * becomes for one notification. Lives in memory only; the credentials ids travel along so a
 * durable outbox can store them instead of the secrets. {@link #toString()} shows no secret and no
 * full URL.
 *
 * @param url the full URL; may itself be a secret
 * @param urlCredentialsId where the URL came from, or null when it was configured in plain text
 * @param credentialsContext where every credentials id of this endpoint was looked up, so a resumed
 *     delivery looks them up the same way
 * @param signatureScheme core's scheme id; {@code none} when there is no signing secret
 * @param bearerToken sent as {@code Authorization: Bearer}, or null
 * @param basicUser with {@code basicPassword} sent as HTTP basic authentication, or null
 */
public record ResolvedEndpoint(
        String id,
        String url,
        @CheckForNull String urlCredentialsId,
        CredentialsRef.Context credentialsContext,
        String signatureScheme,
        @CheckForNull Secret signingSecret,
        @CheckForNull String secretCredentialsId,
        @CheckForNull Secret bearerToken,
        @CheckForNull String basicUser,
        @CheckForNull Secret basicPassword,
        @CheckForNull String authCredentialsId,
        Map<String, String> headers,
        Duration connectTimeout,
        Duration timeout) {

    public ResolvedEndpoint {
        headers = Map.copyOf(headers);
    }

    public String maskedUrl() {
        return WebhookUrls.mask(url);
    }

    @Override
    public String toString() {
        return "ResolvedEndpoint[" + id + " " + maskedUrl() + " signature=" + signatureScheme + "]";
    }
}
