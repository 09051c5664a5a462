package io.jenkins.plugins.dockerbuildwebhooks.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dockerbuildwebhooks.testservers.WebhookReceiver;
import io.jenkins.plugins.dockerbuildwebhooks.testservers.WebhookReceiver.Received;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delivery stays format-blind but carries what a format says about its bytes: the message's own
 * Content-Type and attribute headers, journalled with it; and the {@code sha256=} signature under
 * the header name the endpoint chose.
 */
class MessageHeadersTest {
    private static final Instant NOW = Instant.parse("2026-12-02T13:50:53Z");
    private static final byte[] BODY = "{\"context\":{\"id\":\"msg_ce1\"}}".getBytes(StandardCharsets.UTF_8);
    private static final String SECRET = "It's a Secret to Everybody";

    private static Map<String, String> cloudEventHeaders() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/cloudevents+json");
        h.put("ce-id", "msg_ce1");
        return h;
    }

    private static Dispatcher dispatcher() {
        return Dispatcher.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).scheduler((delay, task) -> task.run())
                .userAgent("docker-build-webhooks/test").build();
    }

    @Test
    void shouldSendTheMessagesContentTypeAndTheSignatureUnderTheEndpointsHeaderName() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start(); Dispatcher d = dispatcher()) {
            Endpoint e = Endpoint.builder(receiver.url("/hook").toString())
                    .signature(SignatureScheme.HUB_SIGNATURE_256, Secret.of(SECRET), "env:S")
                    .hubSignatureHeader("X-Signature").build();

            DeliveryResult r = d.deliverAll(List.of(new Delivery("msg_ce1", e, BODY, cloudEventHeaders()))).get(0);

            assertThat(r.success()).as(r.message()).isTrue();
            Received got = receiver.requests().get(0);
            assertThat(got.header("Content-Type")).isEqualTo("application/cloudevents+json");
            assertThat(got.header("ce-id")).isEqualTo("msg_ce1");
            assertThat(got.header("X-Signature")).isEqualTo(new HubSignature256Signer(Secret.of(SECRET)).sign(BODY));
            assertThat(got.header("X-Hub-Signature-256")).as("only under the chosen name").isNull();
            assertThat(got.body()).isEqualTo(BODY);
        }
    }

    @Test
    void shouldSendJsonWhenTheMessageNamesNoContentType() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start(); Dispatcher d = dispatcher()) {
            Endpoint e = Endpoint.builder(receiver.url("/hook").toString()).build();

            d.deliverAll(List.of(new Delivery("msg_plain", e, BODY, Map.of())));

            assertThat(receiver.requests().get(0).header("Content-Type")).startsWith("application/json");
        }
    }

    @Test
    void shouldKeepTheMessageHeadersAndTheSignatureHeaderNameInTheJournal(@TempDir Path dir) throws Exception {
        Endpoint e = Endpoint.builder("https://hooks.example/flux").id("flux")
                .signature(SignatureScheme.HUB_SIGNATURE_256, Secret.of(SECRET), "env:S")
                .hubSignatureHeader("X-Signature").timeout(Duration.ofSeconds(3)).build();
        Path file = dir.resolve("journal.jsonl");
        try (DeliveryJournal j = DeliveryJournal.open(file, DeliveryJournal.Durability.SYNC, w -> { })) {
            j.begin(List.of(new Delivery("msg_ce1", e, BODY, cloudEventHeaders())), NOW);
        }
        List<String> warnings = new ArrayList<>();
        try (DeliveryJournal j = DeliveryJournal.open(file, DeliveryJournal.Durability.SYNC, warnings::add)) {
            Delivery again = j.unfinished().get(0).toDelivery(ref -> Secret.of(SECRET));

            assertThat(again.headers()).isEqualTo(cloudEventHeaders());
            assertThat(again.endpoint().hubSignatureHeader()).isEqualTo("X-Signature");
            assertThat(again.body()).isEqualTo(BODY);
        }
        assertThat(warnings).isEmpty();
    }

    @Test
    void shouldRefuseSignatureHeaderNamesTheSenderOrCloudEventsUse() {
        for (String name : List.of("webhook-signature", "Content-Type", "Authorization", "ce-id", "bad name")) {
            assertThatThrownBy(() -> Endpoint.builder("https://hooks.example/").hubSignatureHeader(name))
                    .as(name).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(name.split(" ")[0]);
        }
        assertThat(Endpoint.builder("https://hooks.example/").hubSignatureHeader(" ").build().hubSignatureHeader())
                .isEqualTo("X-Hub-Signature-256");
    }

    @Test
    void shouldRefuseAnEndpointHeaderWhereTheSignatureGoes() {
        assertThatThrownBy(() -> Endpoint.builder("https://hooks.example/").hubSignatureHeader("X-Signature")
                .header("x-signature", "forged").build())
                .hasMessageContaining("x-signature").hasMessageContaining("signature goes");
    }

    @Test
    void shouldLetAMessageNameItsContentTypeButNotTheSendersHeaders() {
        Endpoint e = Endpoint.builder("https://hooks.example/").build();

        assertThat(new Delivery("msg_a", e, BODY, Map.of("content-type", "application/json")).headers()).hasSize(1);
        assertThatThrownBy(() -> new Delivery("msg_a", e, BODY, Map.of("Authorization", "Bearer x")))
                .hasMessageContaining("Authorization");
        assertThatThrownBy(() -> new Delivery("msg_a", e, BODY, Map.of("webhook-id", "other")))
                .hasMessageContaining("webhook-id");
        assertThatThrownBy(() -> new Delivery("msg_a", e, BODY, Map.of("Content-Type", "a\r\nX: y")))
                .hasMessageContaining("line breaks");
    }
}
