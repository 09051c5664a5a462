package io.jenkins.plugins.dockerbuildwebhooks.deliveries;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.util.Secret;
import io.jenkins.plugins.dockerbuildwebhooks.credentials.CredentialsRef;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.WebhookUrls;
import io.jenkins.plugins.dockerbuildwebhooks.payload.FormatOptions;
import io.jenkins.plugins.dockerbuildwebhooks.payload.PayloadProfile;
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
 * @param hubSignatureHeader the header of the {@code sha256=} signature; empty for {@code X-Hub-Signature-256}
 * @param bearerToken sent as {@code Authorization: Bearer}, or null
 * @param basicUser with {@code basicPassword} sent as HTTP basic authentication, or null
 * @param format the endpoint's payload profile with its CDEvents spec and CloudEvents mode
 */
public record ResolvedEndpoint(
        String id,
        String url,
        @CheckForNull String urlCredentialsId,
        CredentialsRef.Context credentialsContext,
        String signatureScheme,
        String hubSignatureHeader,
        @CheckForNull Secret signingSecret,
        @CheckForNull String secretCredentialsId,
        @CheckForNull Secret bearerToken,
        @CheckForNull String basicUser,
        @CheckForNull Secret basicPassword,
        @CheckForNull String authCredentialsId,
        Map<String, String> headers,
        FormatOptions format,
        Duration connectTimeout,
        Duration timeout) {

    public ResolvedEndpoint {
        headers = Map.copyOf(headers);
    }

    /**
     * The format deliveries to this endpoint are written in: its own, or {@code profile} when a
     * notification chooses one for every endpoint (the endpoint's spec and mode still apply); null or
     * blank for the endpoint's own.
     *
     * @throws IllegalArgumentException naming an unknown profile
     */
    public FormatOptions format(@CheckForNull String profile) {
        if (profile == null || profile.isBlank()) {
            return format;
        }
        return new FormatOptions(PayloadProfile.fromId(profile), format.cdEventsSpec(), format.cloudEventsMode());
    }

    public String maskedUrl() {
        return WebhookUrls.mask(url);
    }

    @Override
    public String toString() {
        return "ResolvedEndpoint[" + id + " " + maskedUrl() + " signature=" + signatureScheme + "]";
    }
}
