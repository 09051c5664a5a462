package io.jenkins.plugins.dockerbuildwebhooks.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dockerbuildwebhooks.testservers.FaultServer;
import io.jenkins.plugins.dockerbuildwebhooks.testservers.SelfSignedCertificate;
import io.jenkins.plugins.dockerbuildwebhooks.testservers.WebhookReceiver;
import io.jenkins.plugins.dockerbuildwebhooks.testservers.WebhookReceiver.Received;
import io.jenkins.plugins.dockerbuildwebhooks.testservers.WebhookReceiver.Reply;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deliveries against real servers on 127.0.0.1, one per fault kind; retry waits are recorded, not slept. */
class DispatcherTest {
    private static final Instant NOW = Instant.parse("2026-11-28T04:00:00Z");
    private static final String WHSEC = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final byte[] BODY = "{\"push_data\":{\"tag\":\"1.0\"}}".getBytes(StandardCharsets.UTF_8);

    /** A dispatcher whose retry waits go into {@code delays} and run at once. */
    private static Dispatcher dispatcher(List<Duration> delays, Dispatcher.Builder builder) {
        return builder.clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .random(new Random(7))
                .scheduler((delay, task) -> {
                    delays.add(delay);
                    task.run();
                })
                .retryPolicy(new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(10)))
                .userAgent("docker-build-webhooks/test")
                .build();
    }

    private static Dispatcher dispatcher(List<Duration> delays) {
        return dispatcher(delays, Dispatcher.builder());
    }

    private static Endpoint.Builder endpoint(URI url) {
        return Endpoint.builder(url.toString()).timeout(Duration.ofSeconds(20));
    }

    private static DeliveryResult deliver(Dispatcher d, Endpoint e) {
        return d.deliverAll(List.of(new Delivery("msg_test1", e, BODY, Map.of("X-Event", "push")))).get(0);
    }

    @Test
    void shouldSendSignedRequestThatTheReceiverCanVerify() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start(); Dispatcher d = dispatcher(new ArrayList<>())) {
            Endpoint e = endpoint(receiver.url("/hook")).signature(SignatureScheme.BOTH, Secret.of(WHSEC), "env:S")
                    .header("X-Team", "builds").bearer(Secret.of("tok-123"), "env:T").build();

            DeliveryResult result = deliver(d, e);

            assertThat(result.outcome()).isEqualTo(Outcome.DELIVERED);
            assertThat(result.status()).isEqualTo(200);
            Received r = receiver.requests().get(0);
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.body()).isEqualTo(BODY);
            assertThat(r.header("content-type")).isEqualTo("application/json");
            assertThat(r.header("user-agent")).isEqualTo("docker-build-webhooks/test");
            assertThat(r.header("webhook-id")).isEqualTo("msg_test1");
            assertThat(r.header("webhook-timestamp")).isEqualTo(Long.toString(NOW.getEpochSecond()));
            assertThat(r.header("authorization")).isEqualTo("Bearer tok-123");
            assertThat(r.header("x-team")).isEqualTo("builds");
            assertThat(r.header("x-event")).isEqualTo("push");
            byte[] key = Base64.getDecoder().decode(WHSEC.substring("whsec_".length()));
            byte[] signedContent = ("msg_test1." + NOW.getEpochSecond() + "." + new String(BODY, StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8);
            assertThat(r.header("webhook-signature"))
                    .isEqualTo("v1," + Base64.getEncoder().encodeToString(hmac(key, signedContent)));
            assertThat(r.header("x-hub-signature-256"))
                    .isEqualTo("sha256=" + HexFormat.of().formatHex(hmac(WHSEC.getBytes(StandardCharsets.UTF_8), BODY)));
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    @Test
    void shouldRetryServerErrorsWithTheSameIdAndBackoff() throws Exception {
        List<Duration> delays = new ArrayList<>();
        try (WebhookReceiver receiver = WebhookReceiver.start(); Dispatcher d = dispatcher(delays)) {
            receiver.enqueue(Reply.status(500, "a"), Reply.status(502, "b"), Reply.status(503, "c"), Reply.status(504, "d"));

            DeliveryResult result = deliver(d, endpoint(receiver.url("/")).build());

            assertThat(result.outcome()).isEqualTo(Outcome.DELIVERED);
            assertThat(result.attempts()).extracting(Attempt::status).containsExactly(500, 502, 503, 504, 200);
            assertThat(result.attempts()).extracting(Attempt::number).containsExactly(1, 2, 3, 4, 5);
            assertThat(result.attempts().get(2).excerpt()).isEqualTo("c");
            assertThat(receiver.requests()).extracting(r -> r.header("webhook-id")).containsOnly("msg_test1").hasSize(5);
            assertThat(delays).hasSize(4);
            for (int i = 0; i < 4; i++) {
                assertThat(delays.get(i)).isBetween(Duration.ZERO, Duration.ofSeconds(1L << i));
            }
        }
    }

    @Test
    void shouldGiveUpAfterTheLastAttempt() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start(); Dispatcher d = dispatcher(new ArrayList<>())) {
            receiver.otherwise(Reply.status(503, "down"));

            DeliveryResult result = deliver(d, endpoint(receiver.url("/")).build());

            assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(result.attempts()).hasSize(5);
            assertThat(result.message()).contains("HTTP 503").contains("gave up after 5 attempts");
            assertThat(result.responseExcerpt()).isEqualTo("down");
        }
    }

    @Test
    void shouldHonourRetryAfterInSecondsAndAsDate() throws Exception {
        List<Duration> delays = new ArrayList<>();
        try (WebhookReceiver receiver = WebhookReceiver.start(); Dispatcher d = dispatcher(delays)) {
            receiver.enqueue(Reply.status(429, "slow down").header("Retry-After", "3"),
                    Reply.status(503, "later").header("Retry-After", "Sat, 28 Nov 2026 04:01:00 GMT"),
                    Reply.status(408, "timeout"));

            DeliveryResult result = deliver(d, endpoint(receiver.url("/")).build());

            assertThat(result.outcome()).isEqualTo(Outcome.DELIVERED);
            assertThat(result.attempts()).extracting(Attempt::status).containsExactly(429, 503, 408, 200);
            assertThat(delays.subList(0, 2)).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(60));
            assertThat(delays.get(2)).isBetween(Duration.ZERO, Duration.ofSeconds(4));
        }
    }

    @Test
    void shouldMarkGoneOn410AndFailAtOnceOnOtherClientErrors() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start(); Dispatcher d = dispatcher(new ArrayList<>())) {
            receiver.enqueue(Reply.status(410, "gone"), Reply.status(400, "{\"error\":\"bad payload\"}"));

            DeliveryResult gone = deliver(d, endpoint(receiver.url("/a")).build());
            DeliveryResult bad = deliver(d, endpoint(receiver.url("/b")).build());

            assertThat(gone.outcome()).isEqualTo(Outcome.GONE);
            assertThat(gone.attempts()).hasSize(1);
            assertThat(bad.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(bad.attempts()).hasSize(1);
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.responseExcerpt()).isEqualTo("{\"error\":\"bad payload\"}");
            assertThat(receiver.requests()).hasSize(2);
        }
    }

    @Test
    void shouldNotFollowRedirectsToAllowedOrBlockedAddresses() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start(); WebhookReceiver elsewhere = WebhookReceiver.start();
                Dispatcher d = dispatcher(new ArrayList<>())) {
            receiver.enqueue(Reply.status(302, "").header("Location", elsewhere.url("/next").toString()),
                    Reply.status(307, "").header("Location", "http://169.254.169.254/latest/meta-data/"));

            DeliveryResult allowed = deliver(d, endpoint(receiver.url("/")).build());
            DeliveryResult blocked = deliver(d, endpoint(receiver.url("/")).build());

            assertThat(allowed.outcome()).isEqualTo(Outcome.DELIVERED_REDIRECT);
            assertThat(allowed.status()).isEqualTo(302);
            assertThat(allowed.message()).contains("not followed").contains("127.0.0.1");
            assertThat(blocked.outcome()).isEqualTo(Outcome.DELIVERED_REDIRECT);
            assertThat(blocked.message()).contains("169.254.169.254");
            assertThat(elsewhere.requests()).isEmpty();
            assertThat(receiver.requests()).hasSize(2);
        }
    }

    @Test
    void shouldRetryRefusedConnectionsAndFail() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        List<Duration> delays = new ArrayList<>();
        try (Dispatcher d = dispatcher(delays)) {
            DeliveryResult result = deliver(d, endpoint(URI.create("http://127.0.0.1:" + port + "/hooks/s3cr3t-token")).build());

            assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(result.attempts()).hasSize(5).allSatisfy(a -> assertThat(a.error()).isEqualTo("connection refused"));
            assertThat(delays).hasSize(4);
            assertThat(result.toString()).doesNotContain("s3cr3t-token");
            assertThat(result.maskedUrl()).isEqualTo("http://127.0.0.1:" + port + "/…");
        }
    }

    @Test
    void shouldRetryConnectionsResetMidResponse() throws Exception {
        try (FaultServer server = FaultServer.start(FaultServer.resetMidResponse()); Dispatcher d = dispatcher(new ArrayList<>())) {
            DeliveryResult result = deliver(d, endpoint(server.url("/")).build());

            assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(result.attempts()).hasSize(5).allSatisfy(a -> {
                assertThat(a.status()).isZero();
                assertThat(a.error()).isNotBlank();
            });
            assertThat(server.requests()).isEqualTo(5);
        }
    }

    @Test
    void shouldTimeOutWhenHeadersNeverCome() throws Exception {
        try (FaultServer server = FaultServer.start(FaultServer.silentFor(30_000));
                Dispatcher d = dispatcher(new ArrayList<>(), Dispatcher.builder()
                        .retryPolicy(RetryPolicy.DEFAULT))) {
            Endpoint e = endpoint(server.url("/")).timeout(Duration.ofMillis(700)).build();

            DeliveryResult result = d.deliverAll(List.of(new Delivery("msg_slow", e, BODY, Map.of()))).get(0);

            assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(result.attempts()).hasSize(5);
            assertThat(result.attempts().get(0).error()).contains("timed out");
        }
    }

    @Test
    void shouldKeepTheStatusWhenTheBodyTricklesPastTheDeadline() throws Exception {
        try (FaultServer server = FaultServer.start(FaultServer.slowBody(100)); Dispatcher d = dispatcher(new ArrayList<>())) {
            // generous: the status line must arrive before the deadline even on a loaded machine
            Endpoint e = endpoint(server.url("/")).timeout(Duration.ofSeconds(3)).build();

            DeliveryResult result = deliver(d, e);

            assertThat(result.outcome()).isEqualTo(Outcome.DELIVERED);
            assertThat(result.attempts()).hasSize(1);
            assertThat(result.attempts().get(0).error()).contains("response body not complete");
            assertThat(result.responseExcerpt()).matches("x+").hasSizeLessThan(1000);
        }
    }

    @Test
    void shouldStopReadingHugeBodies() throws Exception {
        try (FaultServer server = FaultServer.start(FaultServer.hugeBody(50L * 1024 * 1024));
                Dispatcher d = dispatcher(new ArrayList<>())) {
            DeliveryResult result = deliver(d, endpoint(server.url("/")).build());

            assertThat(result.outcome()).isEqualTo(Outcome.DELIVERED);
            assertThat(result.responseExcerpt()).hasSize(Attempt.EXCERPT_LIMIT);
            assertThat(result.attempts().get(0).error()).contains("read stopped");
        }
    }

    @Test
    void shouldRefuseSelfSignedCertificateUnlessTrusted(@TempDir Path dir) throws Exception {
        SelfSignedCertificate cert = SelfSignedCertificate.create(dir);
        SSLContext trusting = TrustStores.load(cert.certificatePem(), null);
        try (WebhookReceiver receiver = WebhookReceiver.startHttps(cert.serverContext());
                Dispatcher jdkTrust = dispatcher(new ArrayList<>());
                Dispatcher configured = dispatcher(new ArrayList<>(), Dispatcher.builder().sslContext(trusting))) {
            Endpoint e = endpoint(receiver.url("/")).build();

            DeliveryResult refused = deliver(jdkTrust, e);
            DeliveryResult accepted = deliver(configured, e);

            assertThat(refused.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(refused.attempts()).hasSize(1);
            assertThat(refused.message()).startsWith("TLS failed");
            assertThat(accepted.outcome()).isEqualTo(Outcome.DELIVERED);
            assertThat(receiver.requests()).hasSize(1);
        }
    }

    @Test
    void shouldFailWhenTheNameDoesNotResolve() {
        try (Dispatcher d = dispatcher(new ArrayList<>(), Dispatcher.builder().nameResolver(host -> {
            throw new UnknownHostException(host);
        }))) {
            DeliveryResult result = deliver(d, endpoint(URI.create("http://no-such-host.invalid/hook")).build());

            assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(result.attempts().get(0).error()).isEqualTo("cannot resolve host no-such-host.invalid");
        }
    }

    @Test
    void shouldCheckEveryDnsAnswerSoRebindingIsBlocked() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        NameResolver rebinding = host -> new InetAddress[] {
            lookups.incrementAndGet() == 1 ? InetAddress.getByName("127.0.0.1") : InetAddress.getByName("169.254.169.254")
        };
        try (WebhookReceiver receiver = WebhookReceiver.start();
                Dispatcher d = dispatcher(new ArrayList<>(), Dispatcher.builder().nameResolver(rebinding))) {
            receiver.enqueue(Reply.status(503, "closing").header("Connection", "close"));

            DeliveryResult result = deliver(d, endpoint(URI.create("http://rebind.example:" + receiver.port() + "/")).build());

            assertThat(result.outcome()).isEqualTo(Outcome.BLOCKED);
            assertThat(result.message()).contains("rebind.example (169.254.169.254)").contains("cloud metadata");
            assertThat(lookups).hasValue(2);
            assertThat(receiver.requests()).hasSize(1);
        }
    }

    @Test
    void shouldBlockLiteralTargetsBeforeSendingAnything() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start();
                Dispatcher d = dispatcher(new ArrayList<>(), Dispatcher.builder()
                        .addressPolicy(AddressPolicy.builder().blockPrivate(true).build()))) {
            DeliveryResult metadata = deliver(d, endpoint(URI.create("http://0xa9fea9fe/latest")).build());
            DeliveryResult loopback = deliver(d, endpoint(receiver.url("/")).build());

            assertThat(metadata.outcome()).isEqualTo(Outcome.BLOCKED);
            assertThat(metadata.message()).isEqualTo("address 0xa9fea9fe (169.254.169.254) is cloud metadata: never allowed");
            assertThat(loopback.outcome()).isEqualTo(Outcome.BLOCKED);
            assertThat(loopback.message()).contains("loopback");
            assertThat(loopback.attempts()).isEmpty();
            assertThat(receiver.requests()).isEmpty();
        }
    }

    @Test
    void shouldBlockDottedHexAndOctalSpellingsWithTheMessageOfTheDottedDecimalForm() throws Exception {
        try (Dispatcher d = dispatcher(new ArrayList<>())) {
            DeliveryResult decimal = deliver(d, endpoint(URI.create("http://169.254.169.254/latest")).build());
            DeliveryResult hex = deliver(d, Endpoint.builder("http://0xa9.0xfe.0xa9.0xfe/latest").build());
            DeliveryResult octal = deliver(d, Endpoint.builder("http://0251.0376.0251.0376/latest").build());

            assertThat(List.of(decimal, hex, octal)).allSatisfy(r -> {
                assertThat(r.outcome()).isEqualTo(Outcome.BLOCKED);
                assertThat(r.message()).isEqualTo("address 169.254.169.254 is cloud metadata: never allowed");
                assertThat(r.attempts()).isEmpty();
            });
        }
    }

    @Test
    void shouldSayATlsHandshakeThatNeverFinishedMayBePlainHttp() throws Exception {
        // a server that accepts connections and never answers, as a plain-HTTP server waiting for a request line does
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                Dispatcher d = dispatcher(new ArrayList<>())) {
            Thread acceptor = new Thread(() -> {
                List<java.net.Socket> held = new ArrayList<>();
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (java.io.IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            Endpoint e = Endpoint.builder("https://127.0.0.1:" + silent.getLocalPort() + "/hook")
                    .connectTimeout(Duration.ofSeconds(1)).timeout(Duration.ofSeconds(3)).build();

            DeliveryResult result = d.deliverAll(List.of(new Delivery("msg_tls", e, BODY, Map.of()))).get(0);

            assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(result.attempts()).isNotEmpty().allSatisfy(a -> assertThat(a.error())
                    .isEqualTo("TLS handshake with 127.0.0.1 did not finish within 1 s (is it plain HTTP?)"));
            assertThat(result.message()).startsWith("TLS handshake with 127.0.0.1 did not finish within 1 s");
        }
    }

    @Test
    void shouldRespectThePerEndpointLimit() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start(); Dispatcher d = dispatcher(new ArrayList<>())) {
            receiver.otherwise(Reply.status(200, "ok").after(Duration.ofMillis(500)));
            Endpoint e = endpoint(receiver.url("/")).maxInFlight(2).build();
            List<Delivery> deliveries = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                deliveries.add(Delivery.create(e, BODY));
            }

            List<DeliveryResult> results = d.deliverAll(deliveries);

            assertThat(results).extracting(DeliveryResult::outcome).containsOnly(Outcome.DELIVERED);
            assertThat(results).extracting(DeliveryResult::deliveryId)
                    .containsExactlyElementsOf(deliveries.stream().map(Delivery::id).toList());
            assertThat(receiver.maxConcurrent()).isEqualTo(2);
        }
    }

    @Test
    void shouldFanOutToManyEndpointsAtOnce() throws Exception {
        List<WebhookReceiver> receivers = new ArrayList<>();
        try (Dispatcher d = dispatcher(new ArrayList<>())) {
            List<Delivery> deliveries = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                WebhookReceiver r = WebhookReceiver.start().otherwise(Reply.status(204, "").after(Duration.ofMillis(300)));
                receivers.add(r);
                deliveries.add(Delivery.create(endpoint(r.url("/" + i)).build(), BODY));
            }

            List<DeliveryResult> results = d.deliverAll(deliveries);

            assertThat(results).extracting(DeliveryResult::outcome).containsOnly(Outcome.DELIVERED);
            assertThat(receivers).allSatisfy(r -> assertThat(r.requests()).hasSize(1));
        } finally {
            receivers.forEach(WebhookReceiver::close);
        }
    }

    @Test
    void shouldJournalAttemptsAndOutcome(@TempDir Path dir) throws Exception {
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        try (WebhookReceiver receiver = WebhookReceiver.start();
                DeliveryJournal journal = DeliveryJournal.open(dir.resolve("j.jsonl"), DeliveryJournal.Durability.SYNC, warnings::add);
                Dispatcher d = dispatcher(new ArrayList<>(), Dispatcher.builder().journal(journal))) {
            receiver.enqueue(Reply.status(500, "boom"));

            deliver(d, endpoint(receiver.url("/")).build());
        }
        try (DeliveryJournal reopened = DeliveryJournal.open(dir.resolve("j.jsonl"), DeliveryJournal.Durability.SYNC, warnings::add)) {
            JournalEntry entry = reopened.entry("msg_test1").orElseThrow();
            assertThat(entry.outcome()).isEqualTo(Outcome.DELIVERED);
            assertThat(entry.attempts()).extracting(Attempt::status).containsExactly(500, 200);
            assertThat(entry.attempts().get(0).excerpt()).isEqualTo("boom");
            assertThat(warnings).isEmpty();
        }
    }

    @Test
    void shouldLeaveADeliveryCutOffByCloseUnfinishedInTheJournal(@TempDir Path dir) throws Exception {
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        Path file = dir.resolve("j.jsonl");
        try (FaultServer silent = FaultServer.start(FaultServer.silentFor(30_000));
                DeliveryJournal journal = DeliveryJournal.open(file, DeliveryJournal.Durability.SYNC, warnings::add)) {
            Dispatcher d = dispatcher(new ArrayList<>(), Dispatcher.builder().journal(journal));
            CompletableFuture<DeliveryResult> pending =
                    d.submit(new Delivery("msg_cut", endpoint(silent.url("/")).build(), BODY, Map.of()));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (silent.requests() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(silent.requests()).as("the request reached the silent receiver").isEqualTo(1);

            d.close();

            assertThat(pending).isCompletedExceptionally();
        }
        try (DeliveryJournal reopened = DeliveryJournal.open(file, DeliveryJournal.Durability.SYNC, warnings::add)) {
            assertThat(reopened.unfinished()).extracting(JournalEntry::id).containsExactly("msg_cut");
            assertThat(reopened.entry("msg_cut").orElseThrow().attempts())
                    .as("an attempt cut off by close is not recorded as ended").isEmpty();
        }
    }

    @Test
    void shouldLetTheProxyResolveNamesAndGuardTheProxyAddress() throws Exception {
        NameResolver noLookups = host -> {
            throw new UnknownHostException("the sender must not resolve " + host + " behind a proxy");
        };
        try (FaultServer proxy = FaultServer.start(FaultServer.answer(200));
                Dispatcher open = dispatcher(new ArrayList<>(), Dispatcher.builder()
                        .proxy("127.0.0.1", proxy.port()).nameResolver(noLookups));
                Dispatcher strict = dispatcher(new ArrayList<>(), Dispatcher.builder()
                        .proxy("127.0.0.1", proxy.port()).nameResolver(noLookups)
                        .addressPolicy(AddressPolicy.builder().blockPrivate(true).build()))) {
            DeliveryResult viaProxy = deliver(open, endpoint(URI.create("http://hooks.example/hook")).build());
            DeliveryResult metadata = deliver(open, endpoint(URI.create("http://169.254.169.254/latest")).build());
            DeliveryResult proxyBlocked = deliver(strict, endpoint(URI.create("http://hooks.example/hook")).build());

            assertThat(viaProxy.outcome()).isEqualTo(Outcome.DELIVERED);
            assertThat(proxy.requestHeads()).hasSize(1);
            assertThat(proxy.requestHeads().get(0)).startsWith("POST http://hooks.example/hook HTTP/1.1");
            assertThat(metadata.outcome()).isEqualTo(Outcome.BLOCKED);
            assertThat(proxyBlocked.outcome()).isEqualTo(Outcome.BLOCKED);
            assertThat(proxyBlocked.message()).contains("127.0.0.1").contains("loopback");
            assertThat(proxy.requests()).isEqualTo(1);
        }
    }

    @Test
    void shouldTrustAPkcs12TrustStoreAndNameABadOne(@TempDir Path dir) throws Exception {
        SelfSignedCertificate cert = SelfSignedCertificate.create(dir);
        Path p12 = cert.trustStorePkcs12(dir.resolve("trust.p12"), "changeit");
        Path garbage = java.nio.file.Files.writeString(dir.resolve("garbage.pem"), "not a certificate");
        try (WebhookReceiver receiver = WebhookReceiver.startHttps(cert.serverContext());
                Dispatcher d = dispatcher(new ArrayList<>(), Dispatcher.builder()
                        .sslContext(TrustStores.load(p12, "changeit".toCharArray())))) {
            assertThat(deliver(d, endpoint(receiver.url("/")).build()).outcome()).isEqualTo(Outcome.DELIVERED);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TrustStores.load(garbage, null))
                .isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("garbage.pem");
    }

    @Test
    void shouldSendBasicAuthentication() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start(); Dispatcher d = dispatcher(new ArrayList<>())) {
            Endpoint e = endpoint(receiver.url("/")).basic("ci", Secret.of("pa:ss"), "env:PW").build();

            assertThat(deliver(d, e).outcome()).isEqualTo(Outcome.DELIVERED);
            assertThat(receiver.requests().get(0).header("authorization"))
                    .isEqualTo("Basic " + Base64.getEncoder().encodeToString("ci:pa:ss".getBytes(StandardCharsets.UTF_8)));
            assertThat(receiver.requests().get(0).header("webhook-signature")).isNull();
        }
    }

    @Test
    void shouldCancelUnfinishedDeliveriesOnClose() throws Exception {
        try (FaultServer server = FaultServer.start(FaultServer.silentFor(30_000))) {
            Dispatcher d = dispatcher(new ArrayList<>());
            var pending = d.submit(new Delivery("msg_pending", endpoint(server.url("/")).build(), BODY, Map.of()));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (server.requests() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }

            d.close();

            assertThat(pending).failsWithin(Duration.ofSeconds(10))
                    .withThrowableThat().havingRootCause().withMessageContaining("msg_pending");
        }
    }

    @Test
    void shouldTellTheListenerAboutAttemptsRetriesAndResults() throws Exception {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        DeliveryListener listener = new DeliveryListener() {
            @Override
            public void attempted(Delivery delivery, Attempt attempt) {
                events.add("attempt " + attempt.number() + " " + attempt.status());
            }

            @Override
            public void retrying(Delivery delivery, Attempt last, Duration delay) {
                events.add("retry after " + last.number() + " in " + delay.toSeconds() + " s");
            }

            @Override
            public void finished(DeliveryResult result) {
                events.add("finished " + result.outcome());
            }
        };
        try (WebhookReceiver receiver = WebhookReceiver.start();
                Dispatcher d = dispatcher(new ArrayList<>(), Dispatcher.builder().listener(listener))) {
            receiver.enqueue(Reply.status(429, "").header("Retry-After", "2"));

            deliver(d, endpoint(receiver.url("/")).build());

            assertThat(events).containsExactly("attempt 1 429", "retry after 1 in 2 s", "attempt 2 200", "finished DELIVERED");
        }
    }

    /**
     * The control thread forces the journal once for the answers that came in together (group
     * commit); each result is still reported only after its outcome was written, and every
     * outcome is in the file when the futures are done.
     */
    @Test
    void shouldReportEachOfManyResultsOnlyOnceItsOutcomeIsJournalled(@TempDir Path dir) throws Exception {
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        Path file = dir.resolve("j.jsonl");
        List<String> unjournalledWhenReported = Collections.synchronizedList(new ArrayList<>());
        List<String> heard = Collections.synchronizedList(new ArrayList<>());
        try (WebhookReceiver receiver = WebhookReceiver.start().otherwise(Reply.status(204, "").after(Duration.ofMillis(200)));
                DeliveryJournal journal = DeliveryJournal.open(file, DeliveryJournal.Durability.SYNC, warnings::add);
                Dispatcher d = dispatcher(new ArrayList<>(), Dispatcher.builder().journal(journal)
                        .listener(new DeliveryListener() {
                            @Override
                            public void finished(DeliveryResult result) {
                                heard.add(result.deliveryId());
                            }
                        }))) {
            List<Delivery> deliveries = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                deliveries.add(new Delivery("msg_fan" + i, endpoint(receiver.url("/" + i)).build(), BODY, Map.of()));
            }

            List<CompletableFuture<DeliveryResult>> futures = d.submitEach(deliveries);
            List<CompletableFuture<Void>> checked = new ArrayList<>();
            for (CompletableFuture<DeliveryResult> f : futures) {
                checked.add(f.thenAccept(r -> {
                    if (!journal.entry(r.deliveryId()).orElseThrow().finished()) {
                        unjournalledWhenReported.add(r.deliveryId());
                    }
                }));
            }
            CompletableFuture.allOf(checked.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

            assertThat(futures).extracting(CompletableFuture::join).extracting(DeliveryResult::outcome)
                    .containsOnly(Outcome.DELIVERED);
            assertThat(unjournalledWhenReported).isEmpty();
            assertThat(heard).hasSize(50);
        }
        try (DeliveryJournal reopened = DeliveryJournal.open(file, DeliveryJournal.Durability.SYNC, warnings::add)) {
            assertThat(reopened.unfinished()).isEmpty();
            assertThat(reopened.entries()).hasSize(50).allSatisfy(e -> assertThat(e.attempts()).hasSize(1));
            assertThat(warnings).isEmpty();
        }
    }
}
