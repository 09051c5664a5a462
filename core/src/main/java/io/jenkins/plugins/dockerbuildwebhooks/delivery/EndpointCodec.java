package io.jenkins.plugins.dockerbuildwebhooks.delivery;

import io.jenkins.plugins.dockerbuildwebhooks.json.JsonObject;
import io.jenkins.plugins.dockerbuildwebhooks.json.JsonWriter;
import java.time.Duration;

/**
 * An endpoint's journal form: everything but secret values, which are stored as their references.
 * The URL is stored in full (it is needed to resume), which is why journal files are created
 * readable by their owner only.
 */
final class EndpointCodec {
    private EndpointCodec() {}

    static void write(JsonWriter w, Endpoint e) {
        w.startObject();
        w.field("id", e.id());
        w.field("url", e.url().toString());
        w.field("signature", e.signature().id());
        e.secretRef().ifPresent(r -> w.field("secretRef", r));
        if (!e.headers().isEmpty()) {
            w.name("headers").startObject();
            e.headers().forEach(w::field);
            w.endObject();
        }
        e.bearerRef().ifPresent(r -> w.field("bearerRef", r));
        e.basicUser().ifPresent(u -> w.field("basicUser", u));
        e.basicPasswordRef().ifPresent(r -> w.field("basicPasswordRef", r));
        w.field("maxInFlight", e.maxInFlight());
        w.field("connectTimeoutMs", e.connectTimeout().toMillis());
        w.field("timeoutMs", e.timeout().toMillis());
        w.endObject();
    }

    /** Rebuilds the endpoint, asking {@code secrets} for every secret it had. */
    static Endpoint read(JsonObject o, SecretLookup secrets) {
        Endpoint.Builder b = Endpoint.builder(o.string("url")).id(o.string("id"));
        SignatureScheme scheme = SignatureScheme.fromId(o.string("signature"));
        if (scheme != SignatureScheme.NONE) {
            String ref = o.optString("secretRef").orElseThrow(() -> new IllegalArgumentException(
                    o.source() + ": endpoint " + o.string("id") + " was signed with a secret that has no reference, "
                            + "so it cannot be signed again"));
            b.signature(scheme, secrets.find(ref), ref);
        }
        o.optObject("headers").ifPresent(h -> h.keys().forEach(k -> b.header(k, h.string(k))));
        o.optString("bearerRef").ifPresent(r -> b.bearer(secrets.find(r), r));
        o.optString("basicUser").ifPresent(u -> {
            String ref = o.string("basicPasswordRef");
            b.basic(u, secrets.find(ref), ref);
        });
        o.optLong("maxInFlight").ifPresent(n -> b.maxInFlight(n.intValue()));
        o.optLong("connectTimeoutMs").ifPresent(n -> b.connectTimeout(Duration.ofMillis(n)));
        o.optLong("timeoutMs").ifPresent(n -> b.timeout(Duration.ofMillis(n)));
        return b.build();
    }
}
