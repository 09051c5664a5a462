package io.jenkins.plugins.dockerbuildwebhooks.delivery;

import io.jenkins.plugins.dockerbuildwebhooks.json.JsonObject;
import io.jenkins.plugins.dockerbuildwebhooks.json.JsonWriter;
import java.time.Duration;
import java.util.Optional;

/**
 * An endpoint's journal form: everything but secret values, which are stored as their references.
 * A URL that came from a secret ({@link Endpoint#urlRef()}) is stored as its reference plus the
 * masked URL for display; any other URL is stored in full (it is needed to resume), which is one
 * reason journal files are created readable by their owner only.
 */
final class EndpointCodec {
    private EndpointCodec() {}

    static void write(JsonWriter w, Endpoint e) {
        w.startObject();
        w.field("id", e.id());
        if (e.urlRef().isPresent()) {
            w.field("urlRef", e.urlRef().get());
            w.field("maskedUrl", e.maskedUrl());
        } else {
            w.field("url", e.url().toString());
        }
        w.field("signature", e.signature().id());
        if (!e.hubSignatureHeader().equals(HubSignature256Signer.HEADER)) {
            w.field("hubSignatureHeader", e.hubSignatureHeader());
        }
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
        Endpoint.Builder b = builder(o, secrets);
        SignatureScheme scheme = SignatureScheme.fromId(o.string("signature"));
        o.optString("hubSignatureHeader").ifPresent(b::hubSignatureHeader);
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

    private static Endpoint.Builder builder(JsonObject o, SecretLookup secrets) {
        String id = o.string("id");
        Optional<String> urlRef = o.optString("urlRef");
        if (urlRef.isEmpty()) {
            return Endpoint.builder(o.string("url")).id(id);
        }
        String ref = urlRef.get();
        String url;
        try {
            url = secrets.find(ref).reveal();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("endpoint " + id + ": its URL (" + o.optString("maskedUrl").orElse("?")
                    + ") comes from reference '" + ref + "', which cannot be found: " + e.getMessage(), e);
        }
        try {
            return Endpoint.builder(url).id(id).urlRef(ref);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("endpoint " + id + ": the URL found through reference '" + ref
                    + "' is not usable: " + e.getMessage(), e);
        }
    }
}
