package io.jenkins.plugins.dockerbuildwebhooks.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.core5.http.ContentType;

/** Builds the HTTP request of one attempt: body, identity, signatures, authentication, headers. */
final class RequestFactory {
    private static final ContentType JSON = ContentType.create("application/json");

    private final String userAgent;

    RequestFactory(String userAgent) {
        this.userAgent = userAgent;
    }

    /** The request for {@code delivery} signed at {@code now} (each attempt signs afresh, so timestamps stay recent). */
    SimpleHttpRequest build(Delivery delivery, Instant now) {
        Endpoint e = delivery.endpoint();
        byte[] body = delivery.bodyUnsafe();
        long timestamp = now.getEpochSecond();
        SimpleRequestBuilder b = SimpleRequestBuilder.post(e.url())
                .setBody(body, contentType(delivery))
                .setHeader("User-Agent", userAgent)
                .setHeader(Headers.WEBHOOK_ID, delivery.id())
                .setHeader(Headers.WEBHOOK_TIMESTAMP, Long.toString(timestamp));
        if (e.signature().standardWebhooks()) {
            b.setHeader(Headers.WEBHOOK_SIGNATURE,
                    new StandardWebhooksSigner(e.secret().orElseThrow()).sign(delivery.id(), timestamp, body));
        }
        if (e.signature().hubSignature()) {
            b.setHeader(e.hubSignatureHeader(), new HubSignature256Signer(e.secret().orElseThrow()).sign(body));
        }
        e.bearer().ifPresent(t -> b.setHeader("Authorization", "Bearer " + t.reveal()));
        e.basicPassword().ifPresent(p -> b.setHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (e.basicUser().orElseThrow() + ":" + p.reveal()).getBytes(StandardCharsets.UTF_8))));
        e.headers().forEach(b::setHeader);
        delivery.headers().forEach((name, value) -> {
            if (!Headers.CONTENT_TYPE.equalsIgnoreCase(name)) {
                b.setHeader(name, value);
            }
        });
        return b.build();
    }

    /** The message's own Content-Type, else JSON. */
    private static ContentType contentType(Delivery delivery) {
        for (var h : delivery.headers().entrySet()) {
            if (Headers.CONTENT_TYPE.equalsIgnoreCase(h.getKey())) {
                return ContentType.parse(h.getValue());
            }
        }
        return JSON;
    }
}
