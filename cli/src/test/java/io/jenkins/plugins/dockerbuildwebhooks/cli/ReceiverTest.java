package io.jenkins.plugins.dockerbuildwebhooks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.dockerbuildwebhooks.callback.CallbackParser;
import io.jenkins.plugins.dockerbuildwebhooks.callback.CallbackReport;
import io.jenkins.plugins.dockerbuildwebhooks.callback.CallbackState;
import io.jenkins.plugins.dockerbuildwebhooks.json.JsonObject;
import io.jenkins.plugins.dockerbuildwebhooks.json.JsonReader;
import io.jenkins.plugins.dockerbuildwebhooks.receiver.RequestVerifier;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The receiver over real HTTP on 127.0.0.1. */
class ReceiverTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private static final String PAYLOAD = """
            {"callback_url":"CALLBACK","push_data":{"images":["dd474e"],"pusher":"ci","tag":"1.0"},\
            "repository":{"repo_name":"localhost:5000/demo/app"}}""";

    private static Receiver start(ReceiverSettings settings) throws IOException {
        Receiver receiver = new Receiver(settings, Clock.systemUTC(), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
        receiver.start();
        return receiver;
    }

    private static HttpResponse<String> post(Receiver receiver, String path, byte[] body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(receiver.url() + path.substring(1)))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject api(Receiver receiver) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = CLIENT.send(
                HttpRequest.newBuilder(URI.create(receiver.url() + "_receive/api/deliveries")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return JsonReader.parseObject(response.body(), "api");
    }

    private static String hubSignature(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    @Test
    void shouldRecordMethodPathHeadersBodyAndDockerHubFields() throws Exception {
        try (Receiver receiver = start(ReceiverSettings.loopbackDefaults())) {
            byte[] body = PAYLOAD.getBytes(StandardCharsets.UTF_8);

            HttpResponse<String> response = post(receiver, "/hooks/app?x=1", body,
                    "Content-Type", "application/json", "X-Custom", "<b>hi</b>", "Authorization", "Bearer s3cr3t-token");

            assertThat(response.statusCode()).isEqualTo(200);
            JsonObject d = api(receiver).objects("deliveries").get(0);
            assertThat(d.string("method")).isEqualTo("POST");
            assertThat(d.string("path")).isEqualTo("/hooks/app?x=1");
            assertThat(d.string("body")).isEqualTo(PAYLOAD);
            assertThat(d.optArray("headers")).contains(List.of("X-Custom", "<b>hi</b>"),
                    List.of("Authorization", "Bearer **** (12 characters hidden)"));
            String raw = CLIENT.send(HttpRequest.newBuilder(URI.create(receiver.url() + "_receive/api/deliveries"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(raw).contains("X-Custom").doesNotContain("s3cr3t");
            JsonObject hub = d.object("dockerHub");
            assertThat(hub.string("repo_name")).isEqualTo("localhost:5000/demo/app");
            assertThat(hub.string("tag")).isEqualTo("1.0");
            assertThat(hub.string("pusher")).isEqualTo("ci");
            assertThat(hub.strings("images")).containsExactly("dd474e");
        }
    }

    /** Writes the request byte for byte on a plain socket, so no client library can touch a header name. */
    private static String rawExchange(Receiver receiver, String head, byte[] body) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), receiver.port())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void shouldShowHeaderNamesAsTheyWereSentAndStillCheckSignatures() throws Exception {
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        ReceiverSettings settings = ReceiverSettings.loopbackDefaults()
                .withVerifier(RequestVerifier.forSecret(secret, Clock.systemUTC()));
        try (Receiver receiver = start(settings)) {
            byte[] body = PAYLOAD.getBytes(StandardCharsets.UTF_8);
            String head = "POST /hook HTTP/1.1\r\nHost: 127.0.0.1\r\ncontent-TYPE: application/json\r\n"
                    + "x-HUB-signature-256: " + hubSignature(secret, body) + "\r\nWebHook-ID: msg_case\r\n"
                    + "X-GitHub-Event: push\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";

            String response = rawExchange(receiver, head, body);

            assertThat(response).startsWith("HTTP/1.1 200 ").endsWith("received #1");
            JsonObject d = api(receiver).objects("deliveries").get(0);
            assertThat(d.optArray("headers")).extracting(h -> (Object) ((List<?>) h).get(0)).containsExactly("Host",
                    "content-TYPE", "x-HUB-signature-256", "WebHook-ID", "X-GitHub-Event", "Content-Length",
                    "Connection");
            assertThat(d.string("webhookId")).isEqualTo("msg_case");
            assertThat(d.objects("signatures").get(1).string("outcome")).isEqualTo("valid");
            assertThat(d.object("format").string("kind")).isEqualTo("docker-hub");
        }
    }

    @Test
    void shouldFlagABadSignatureAndARepeatedWebhookId() throws Exception {
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        ReceiverSettings settings = ReceiverSettings.loopbackDefaults()
                .withVerifier(RequestVerifier.forSecret(secret, Clock.systemUTC()));
        try (Receiver receiver = start(settings)) {
            byte[] body = PAYLOAD.getBytes(StandardCharsets.UTF_8);
            post(receiver, "/", body, "webhook-id", "msg_1", "X-Hub-Signature-256", hubSignature(secret, body));
            post(receiver, "/", body, "webhook-id", "msg_1", "X-Hub-Signature-256", hubSignature("wrong", body));

            List<JsonObject> deliveries = api(receiver).objects("deliveries");

            assertThat(deliveries.get(0).objects("signatures").get(1).string("outcome")).isEqualTo("valid");
            assertThat(deliveries.get(0).optBoolean("duplicate")).contains(false);
            assertThat(deliveries.get(1).objects("signatures").get(1).string("outcome")).isEqualTo("invalid");
            assertThat(deliveries.get(1).optBoolean("duplicate")).contains(true);
            assertThat(deliveries.get(1).optLong("firstSeq")).contains(1L);
            assertThat(deliveries.get(1).optLong("attempt")).contains(2L);
        }
    }

    @Test
    void shouldFailTheFirstAttemptsOfEachWebhookIdThenAnswerTheStatus() throws Exception {
        ReceiverSettings settings = ReceiverSettings.loopbackDefaults().withResponses(202, Duration.ZERO, 2);
        try (Receiver receiver = start(settings)) {
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            int a1 = post(receiver, "/", body, "webhook-id", "a").statusCode();
            int b1 = post(receiver, "/", body, "webhook-id", "b").statusCode();
            int a2 = post(receiver, "/", body, "webhook-id", "a").statusCode();
            int a3 = post(receiver, "/", body, "webhook-id", "a").statusCode();
            int anonymous1 = post(receiver, "/", body).statusCode();
            int anonymous2 = post(receiver, "/", body).statusCode();
            int anonymous3 = post(receiver, "/", body).statusCode();

            assertThat(List.of(a1, b1, a2, a3)).containsExactly(503, 503, 503, 202);
            assertThat(List.of(anonymous1, anonymous2, anonymous3)).containsExactly(503, 503, 202);
        }
    }

    @Test
    void shouldAnswerNoSoonerThanTheDelay() throws Exception {
        ReceiverSettings settings = ReceiverSettings.loopbackDefaults().withResponses(200, Duration.ofMillis(700), 0);
        try (Receiver receiver = start(settings)) {
            long started = System.nanoTime();

            HttpResponse<String> response = post(receiver, "/", new byte[0]);

            // a lower bound only: a loaded machine may answer later, never sooner
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(receiver.log().size()).as("recorded before the wait").isEqualTo(1);
        }
    }

    @Test
    void shouldRefuseABodyOverTheLimitAndKeepNoneOfIt() throws Exception {
        ReceiverSettings settings = ReceiverSettings.loopbackDefaults().withLimits(100, 10, 1 << 20);
        try (Receiver receiver = start(settings)) {
            HttpResponse<String> response = post(receiver, "/", new byte[101]);

            assertThat(response.statusCode()).isEqualTo(413);
            JsonObject d = api(receiver).objects("deliveries").get(0);
            assertThat(d.optBoolean("bodyTooLarge")).contains(true);
            assertThat(d.string("body")).isEmpty();
            assertThat(d.object("dockerHub").string("problem")).contains("--max-body 100");
        }
    }

    @Test
    void shouldKeepOnlyTheNewestDeliveries() throws Exception {
        ReceiverSettings settings = ReceiverSettings.loopbackDefaults().withLimits(1 << 20, 3, 1 << 20);
        try (Receiver receiver = start(settings)) {
            for (int i = 1; i <= 5; i++) {
                post(receiver, "/" + i, new byte[10_000]);
            }

            JsonObject api = api(receiver);

            assertThat(api.objects("deliveries")).extracting(d -> d.string("path")).containsExactly("/3", "/4", "/5");
            assertThat(api.optLong("dropped")).contains(2L);
            assertThat(receiver.log().retainedBytes()).isLessThan(3 * 12_000L);
        }
    }

    @Test
    void shouldDropOldDeliveriesWhenTheByteBudgetIsSpent() throws Exception {
        ReceiverSettings settings = ReceiverSettings.loopbackDefaults().withLimits(1 << 20, 100, 50_000);
        try (Receiver receiver = start(settings)) {
            for (int i = 1; i <= 10; i++) {
                post(receiver, "/" + i, new byte[20_000]);
            }

            assertThat(receiver.log().size()).isEqualTo(2);
            assertThat(receiver.log().retainedBytes()).isLessThanOrEqualTo(50_000);
        }
    }

    @Test
    void shouldStoreEachBodyByteForByte(@TempDir Path dir) throws Exception {
        byte[] binary = {0, (byte) 0xff, (byte) 0xc3, '\r', '\n', 'x'};
        try (Receiver receiver = start(ReceiverSettings.loopbackDefaults().withDir(dir))) {
            post(receiver, "/../../etc/passwd", binary);
            post(receiver, "/", PAYLOAD.getBytes(StandardCharsets.UTF_8));

            List<Path> files;
            try (var listing = Files.list(dir)) {
                files = listing.sorted().toList();
            }
            assertThat(files).hasSize(2);
            assertThat(Files.readAllBytes(files.get(0))).isEqualTo(binary);
            assertThat(Files.readString(files.get(1))).isEqualTo(PAYLOAD);
            JsonObject first = api(receiver).objects("deliveries").get(0);
            assertThat(first.string("bodyEncoding")).isEqualTo("base64");
            assertThat(first.string("storedAs")).isEqualTo(files.get(0).getFileName().toString());
        }
    }

    @Test
    void shouldPostTheCallbackAndNotFollowItsRedirect() throws Exception {
        LinkedBlockingQueue<String> requests = new LinkedBlockingQueue<>();
        HttpServer hub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hub.createContext("/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.getResponseHeaders().set("Location", "/elsewhere");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        hub.start();
        String callbackUrl = "http://127.0.0.1:" + hub.getAddress().getPort() + "/callback/token";
        try (Receiver receiver = start(ReceiverSettings.loopbackDefaults().withCallback(CallbackState.FAILURE))) {
            post(receiver, "/", PAYLOAD.replace("CALLBACK", callbackUrl).getBytes(StandardCharsets.UTF_8));

            String callback = requests.poll(30, TimeUnit.SECONDS);

            assertThat(callback).startsWith("POST /callback/token ");
            // read as the project's own callback endpoint reads reports
            CallbackReport report = new CallbackParser().parse("application/json",
                    callback.substring(callback.indexOf('{')).getBytes(StandardCharsets.UTF_8));
            assertThat(report.state()).isEqualTo(CallbackState.FAILURE);
            assertThat(report.context()).isEqualTo(CallbackSender.CONTEXT);
            assertThat(report.targetUrl()).contains(receiver.url() + "#delivery-1");
            assertThat(report.description()).contains("#1");
            assertThat(requests.poll(1, TimeUnit.SECONDS)).as("redirect must not be followed").isNull();
        } finally {
            hub.stop(0);
        }
    }

    @Test
    void shouldServeThePageWithAStrictPolicyAndRefuseForeignHostNames() throws Exception {
        try (Receiver receiver = start(ReceiverSettings.loopbackDefaults())) {
            HttpResponse<String> page = CLIENT.send(HttpRequest.newBuilder(URI.create(receiver.url())).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<main id=\"deliveries\"");
            assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                    csp -> assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline"));
            CLIENT.send(HttpRequest.newBuilder(URI.create(receiver.url() + "favicon.ico")).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(receiver.log().size()).as("the page is not a delivery").isZero();
        }
        assertThat(Page.trustedHost("127.0.0.1:8000")).isTrue();
        assertThat(Page.trustedHost("[::1]:8000")).isTrue();
        assertThat(Page.trustedHost("localhost:8000")).isTrue();
        assertThat(Page.trustedHost("attacker.example:8000")).isFalse();
    }
}
