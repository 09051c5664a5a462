package io.jenkins.plugins.dockerbuildwebhooks.cli;

import io.jenkins.plugins.dockerbuildwebhooks.json.JsonWriter;
import io.jenkins.plugins.dockerbuildwebhooks.receiver.PayloadSummary;
import io.jenkins.plugins.dockerbuildwebhooks.receiver.SignatureCheck;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON API of {@code receive}: {@code GET /_receive/api/deliveries?after=CHANGE}. Bodies are
 * shown up to {@link #SHOWN_BODY} bytes (the whole body is at {@code /_receive/api/deliveries/N/body}).
 */
final class DeliveriesJson {
    static final int SHOWN_BODY = 256 * 1024;

    private DeliveriesJson() {}

    static byte[] write(List<ReceivedDelivery> deliveries, long lastChange, long dropped, ReceiverSettings settings) {
        return JsonWriter.toBytes(false, w -> {
            w.startObject();
            w.field("lastChange", lastChange);
            w.field("dropped", dropped);
            w.name("receiver").startObject()
                    .field("version", VersionProvider.version())
                    .field("secret", settings.verifier().hasSecret())
                    .field("maxBody", settings.maxBody())
                    .field("keep", settings.keep())
                    .endObject();
            w.name("deliveries").startArray();
            for (ReceivedDelivery d : deliveries) {
                delivery(w, d);
            }
            w.endArray();
            w.endObject();
        });
    }

    private static void delivery(JsonWriter w, ReceivedDelivery d) {
        w.startObject();
        w.field("seq", d.seq());
        w.field("change", d.change());
        w.field("receivedAt", d.receivedAt().toString());
        w.field("method", d.method());
        w.field("path", d.path());
        w.field("remote", d.remote());
        w.field("status", d.status());
        w.name("headers").startArray();
        for (Map.Entry<String, String> h : d.headers()) {
            w.startArray().value(h.getKey()).value(shown(h.getKey(), h.getValue())).endArray();
        }
        w.endArray();
        w.field("bodySize", d.bodySize());
        w.field("bodyTooLarge", d.bodyTooLarge());
        body(w, d.body());
        summary(w, d.summary());
        w.name("format");
        d.format().write(w);
        w.name("signatures").startArray();
        for (SignatureCheck c : d.checks()) {
            w.startObject()
                    .field("scheme", c.scheme().label())
                    .field("outcome", c.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .field("detail", c.detail())
                    .endObject();
        }
        w.endArray();
        nullable(w, "webhookId", d.webhookId());
        w.field("duplicate", d.duplicate());
        w.field("firstSeq", d.firstSeq());
        w.field("attempt", d.attempt());
        nullable(w, "storedAs", d.storedAs());
        nullable(w, "callback", d.callback());
        w.endObject();
    }

    /**
     * A header's value as the page may show it: credentials keep only their scheme and length,
     * so a token that reached the receiver does not end up on a screen or in a screenshot.
     */
    static String shown(String name, String value) {
        if (!"authorization".equalsIgnoreCase(name) && !"proxy-authorization".equalsIgnoreCase(name)) {
            return value;
        }
        int space = value.indexOf(' ');
        String scheme = space < 0 ? "" : value.substring(0, space + 1);
        return scheme + "**** (" + (value.length() - scheme.length()) + " characters hidden)";
    }

    private static void body(JsonWriter w, byte[] body) {
        boolean cut = body.length > SHOWN_BODY;
        byte[] shown = cut ? Arrays.copyOf(body, SHOWN_BODY) : body;
        w.field("bodyCut", cut);
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(shown))
                    .toString();
            w.field("body", text);
            w.field("bodyEncoding", "utf-8");
        } catch (CharacterCodingException notUtf8) {
            // a cut in the middle of a character also lands here; base64 keeps every byte
            w.field("body", Base64.getEncoder().encodeToString(shown));
            w.field("bodyEncoding", "base64");
        }
    }

    private static void summary(JsonWriter w, PayloadSummary s) {
        w.name("dockerHub").startObject();
        nullable(w, "repo_name", s.repoName());
        nullable(w, "tag", s.tag());
        nullable(w, "pusher", s.pusher());
        w.name("images").startArray();
        for (String image : s.images()) {
            w.value(image);
        }
        w.endArray();
        nullable(w, "callback_url", s.callbackUrl());
        nullable(w, "problem", s.problem());
        w.endObject();
    }

    private static void nullable(JsonWriter w, String name, String value) {
        w.name(name);
        if (value == null) {
            w.nullValue();
        } else {
            w.value(value);
        }
    }
}
