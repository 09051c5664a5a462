package io.jenkins.plugins.dockerbuildwebhooks.deliveries;

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
        if (scheme != SignatureScheme.NONE && e.signingSecret() != null) {
            b.signature(scheme, Secret.of(e.signingSecret().getPlainText()), ref(e, e.secretCredentialsId()));
        }
        for (Map.Entry<String, String> h : e.headers().entrySet()) {
            b.header(h.getKey(), h.getValue());
        }
        if (e.bearerToken() != null) {
            b.bearer(Secret.of(e.bearerToken().getPlainText()), ref(e, e.authCredentialsId()));
        } else if (e.basicUser() != null && e.basicPassword() != null) {
            b.basic(e.basicUser(), Secret.of(e.basicPassword().getPlainText()), ref(e, e.authCredentialsId()));
        }
        return b.build();
    }

    private static String ref(ResolvedEndpoint e, String credentialsId) {
        return credentialsId == null ? null : e.credentialsContext().ref(credentialsId);
    }
}
