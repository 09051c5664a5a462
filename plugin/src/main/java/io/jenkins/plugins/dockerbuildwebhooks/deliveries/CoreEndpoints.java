package io.jenkins.plugins.dockerbuildwebhooks.deliveries;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.dockerbuildwebhooks.credentials.CredentialsRef;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.Endpoint;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.Secret;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.SignatureScheme;
import java.util.Map;

/**
 * Maps a {@link ResolvedEndpoint} onto core's {@link Endpoint}. Credentials ids become the
 * secrets' references ({@link CredentialsRef}: {@code global-credentials:<id>} or
 * {@code build-credentials:<id>}, after the context they were looked up in), which a journal stores
 * instead of the values;
 * that includes the URL when it came from a secret text credential, so the outbox journal holds
 * only the credentials id and the masked URL.
 */
public final class CoreEndpoints {
    private CoreEndpoints() {}

    /**
     * The core endpoint.
     *
     * @throws IllegalArgumentException with core's message (naming the endpoint or header) when the
     *     URL, a header or the signature settings are not usable
     */
    public static Endpoint toCore(ResolvedEndpoint e) {
        Endpoint.Builder b = Endpoint.builder(e.url())
                .id(e.id())
                .urlRef(ref(e, e.urlCredentialsId()))
                .hubSignatureHeader(e.hubSignatureHeader())
                .connectTimeout(e.connectTimeout())
                .timeout(e.timeout());
        SignatureScheme scheme = SignatureScheme.fromId(e.signatureScheme());
        hudson.util.Secret signing = e.signingSecret();
        if (scheme != SignatureScheme.NONE && signing != null) {
            b.signature(scheme, Secret.of(signing.getPlainText()), ref(e, e.secretCredentialsId()));
        }
        for (Map.Entry<String, String> h : e.headers().entrySet()) {
            b.header(h.getKey(), h.getValue());
        }
        hudson.util.Secret bearer = e.bearerToken();
        String basicUser = e.basicUser();
        hudson.util.Secret basicPassword = e.basicPassword();
        if (bearer != null) {
            b.bearer(Secret.of(bearer.getPlainText()), ref(e, e.authCredentialsId()));
        } else if (basicUser != null && basicPassword != null) {
            b.basic(basicUser, Secret.of(basicPassword.getPlainText()), ref(e, e.authCredentialsId()));
        }
        return b.build();
    }

    /** The reference a journal stores for {@code credentialsId}; null without credentials. */
    @CheckForNull
    private static String ref(ResolvedEndpoint e, @CheckForNull String credentialsId) {
        return credentialsId == null ? null : e.credentialsContext().ref(credentialsId);
    }
}
