package io.jenkins.plugins.dockerbuildwebhooks.cli.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The server over real sockets on 127.0.0.1, with requests written byte for byte. */
class HttpListenerTest {
    private final List<HttpRequest> requests = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private HttpListener listener;

    /** Echoes what it got; a path of /unread leaves the body unread, /status/N answers N. */
    private HttpResponse echo(HttpRequest request, RequestBody body) throws IOException {
        requests.add(request);
        if (request.rawPath().startsWith("/status/")) {
            return HttpResponse.text(Integer.parseInt(request.rawPath().substring(8)), "answered");
        }
        String text;
        try {
            text = "/unread".equals(request.rawPath()) ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            failures.add(e.getMessage());
            throw e;
        }
        bodies.add(text);
        return HttpResponse.text(200, request.method() + " " + request.rawPath() + " " + text);
    }

    @BeforeEach
    void start() throws IOException {
        listener = HttpListener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), this::echo);
        listener.start();
    }

    @AfterEach
    void stop() {
        listener.close();
    }

    private RawClient client() throws IOException {
        return new RawClient(listener.address());
    }

    @Test
    void shouldKeepEveryHeaderNameAsItWasSent() throws Exception {
        try (RawClient client = client()) {
            RawClient.Response response = client.send("POST /hook?x=1 HTTP/1.1\r\nhost: 127.0.0.1\r\n"
                    + "x-hUB-Signature-256: sha256=ab\r\nwebhook-id: msg_1\r\nWEBHOOK-TIMESTAMP:  17  \r\n"
                    + "X-Dup: 1\r\nx-dup: 2\r\nContent-Length: 2\r\n\r\n{}").read();

            assertThat(response.status()).isEqualTo(200);
            HttpRequest request = requests.get(0);
            assertThat(request.headers()).containsExactly(new HeaderField("host", "127.0.0.1"),
                    new HeaderField("x-hUB-Signature-256", "sha256=ab"), new HeaderField("webhook-id", "msg_1"),
                    new HeaderField("WEBHOOK-TIMESTAMP", "17"), new HeaderField("X-Dup", "1"),
                    new HeaderField("x-dup", "2"), new HeaderField("Content-Length", "2"));
            assertThat(request.header("X-Hub-Signature-256")).isEqualTo("sha256=ab");
            assertThat(request.headers("X-DUP")).containsExactly("1", "2");
            assertThat(request.rawPath()).isEqualTo("/hook");
            assertThat(request.rawQuery()).isEqualTo("x=1");
            assertThat(request.remote()).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void shouldServeRequestsOneAfterTheOtherOnOneConnectionEvenWhenPipelined() throws Exception {
        try (RawClient client = client()) {
            client.send("POST /a HTTP/1.1\r\nContent-Length: 3\r\n\r\nonePOST /b HTTP/1.1\r\nContent-Length: 3\r\n\r\ntwo");
            assertThat(client.read().body()).isEqualTo("POST /a one");
            assertThat(client.read().body()).isEqualTo("POST /b two");

            RawClient.Response third = client.send("GET /c HTTP/1.1\r\nConnection: close\r\n\r\n").read();

            assertThat(third.body()).isEqualTo("GET /c ");
            assertThat(third.headers()).containsEntry("connection", "close");
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @Test
    void shouldCloseAnHttp10ConnectionUnlessItAsksForKeepAlive() throws Exception {
        try (RawClient client = client()) {
            assertThat(client.send("GET /old HTTP/1.0\r\n\r\n").read().status()).isEqualTo(200);
            assertThat(client.closedByServer()).isTrue();
        }
        try (RawClient client = client()) {
            RawClient.Response first = client.send("GET /1 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").read();
            assertThat(first.headers()).containsEntry("connection", "keep-alive");
            assertThat(client.send("GET /2 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").read().body()).isEqualTo("GET /2 ");
        }
    }

    @Test
    void shouldDecodeAChunkedBodyWithExtensionsAndTrailer() throws Exception {
        try (RawClient client = client()) {
            RawClient.Response response = client.send("POST /c HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5;name=value\r\nhello\r\n1\r\n \r\nA\r\n0123456789\r\n0\r\nX-Trailer: t\r\n\r\n"
                    + "GET /next HTTP/1.1\r\n\r\n").read();

            assertThat(response.body()).isEqualTo("POST /c hello 0123456789");
            assertThat(client.read().body()).as("the next request after the trailer").isEqualTo("GET /next ");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "zz\\r\\nhello\\r\\n0\\r\\n\\r\\n|chunk size is not a hexadecimal number",
        "5\\r\\nhelloXX0\\r\\n\\r\\n|chunk data not followed by CRLF",
    })
    void shouldAnswer400ToABrokenChunkedBody(String chunks, String reason) throws Exception {
        try (RawClient client = client()) {
            RawClient.Response response = client.send("POST /c HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + chunks.replace("\\r\\n", "\r\n")).read();

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body()).contains(reason);
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "GET /\\r\\n\\r\\n|400|not a request line",
        "GET  / HTTP/1.1\\r\\n\\r\\n|400|not a request line",
        "GET / HTTP/2.0\\r\\n\\r\\n|505|HTTP/2.0 is not supported",
        "PRI * HTTP/2.0\\r\\n\\r\\nSM\\r\\n\\r\\n|505|not supported",
        "GET nowhere HTTP/1.1\\r\\n\\r\\n|400|request target",
        "GET / HTTP/1.1\\r\\nX-Folded: a\\r\\n b\\r\\n\\r\\n|400|folded header line",
        "GET / HTTP/1.1\\r\\nX-Space : a\\r\\n\\r\\n|400|without a valid name",
        "GET / HTTP/1.1\\r\\nNo colon here\\r\\n\\r\\n|400|without a valid name",
        "GET / HTTP/1.1\\r\\nX-Bad: a\\u0001b\\r\\n\\r\\n|400|control character in the value of X-Bad",
        "GET / HTTP/1.1\\rX-Bare: cr\\r\\n\\r\\n|400|not ended by CRLF",
        "POST / HTTP/1.1\\r\\nContent-Length: 2\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n|400|both Transfer-Encoding and Content-Length",
        "POST / HTTP/1.1\\r\\nContent-Length: 2\\r\\nContent-Length: 3\\r\\n\\r\\n|400|differing Content-Length",
        "POST / HTTP/1.1\\r\\nContent-Length: -1\\r\\n\\r\\n|400|is not a number of bytes",
        "POST / HTTP/1.1\\r\\nTransfer-Encoding: gzip, chunked\\r\\n\\r\\n|501|only chunked",
        "POST / HTTP/1.1\\r\\nExpect: something-else\\r\\n\\r\\n|417|is not supported",
    })
    void shouldRefuseAMalformedHeadAndClose(String head, int status, String reason) throws Exception {
        try (RawClient client = client()) {
            RawClient.Response response = client.send(head.replace("\\r", "\r").replace("\\n", "\n")
                    .replace("\\u0001", "\u0001")).read();

            assertThat(response.status()).isEqualTo(status);
            assertThat(response.body()).contains(reason);
            assertThat(response.headers()).containsEntry("connection", "close");
            assertThat(client.closedByServer()).isTrue();
            assertThat(requests).as("never handed to the handler").isEmpty();
        }
    }

    @Test
    void shouldAcceptABareLineFeedAndIgnoreAnEmptyLineBeforeTheRequest() throws Exception {
        try (RawClient client = client()) {
            assertThat(client.send("\r\nGET /lf HTTP/1.1\nX-A: 1\n\n").read().body()).isEqualTo("GET /lf ");
            assertThat(requests.get(0).header("x-a")).isEqualTo("1");
        }
    }

    @Test
    void shouldAcceptAnAbsoluteUrlAsTarget() throws Exception {
        try (RawClient client = client()) {
            client.send("GET http://127.0.0.1:1/abs?q=2 HTTP/1.1\r\n\r\n").read();

            assertThat(requests.get(0).rawPath()).isEqualTo("/abs");
            assertThat(requests.get(0).rawQuery()).isEqualTo("q=2");
        }
    }

    @Test
    void shouldRefuseHeadsOverTheLimits() throws Exception {
        String longLine = "X-Long: " + "a".repeat(RequestHeadParser.MAX_LINE) + "\r\n";
        String manyLines = "X-Many: 1\r\n".repeat(RequestHeadParser.MAX_FIELDS + 1);
        String bigHead = ("X-Big: " + "b".repeat(8000) + "\r\n").repeat(9);
        String longTarget = "GET /" + "t".repeat(RequestHeadParser.MAX_LINE) + " HTTP/1.1\r\n\r\n";
        for (String[] c : new String[][] {{"GET / HTTP/1.1\r\n" + longLine + "\r\n", "431"},
                {"GET / HTTP/1.1\r\n" + manyLines + "\r\n", "431"}, {"GET / HTTP/1.1\r\n" + bigHead + "\r\n", "431"},
                {longTarget, "414"}}) {
            try (RawClient client = client()) {
                assertThat(client.send(c[0]).read().status()).as(c[0].substring(0, 20)).isEqualTo(Integer.parseInt(c[1]));
                assertThat(client.closedByServer()).isTrue();
            }
        }
        assertThat(requests).isEmpty();
    }

    @Test
    void shouldSend100ContinueOnlyWhenTheHandlerReadsTheBody() throws Exception {
        try (RawClient client = client()) {
            RawClient.Response interim = client.send(
                    "POST /read HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n").read();
            assertThat(interim.status()).isEqualTo(100);

            assertThat(client.send("body").read().body()).isEqualTo("POST /read body");
        }
        try (RawClient client = client()) {
            RawClient.Response answer = client.send(
                    "POST /status/413 HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 99999999\r\n\r\n").read();

            assertThat(answer.status()).as("a final answer without 100: the body is not wanted").isEqualTo(413);
            assertThat(answer.headers()).containsEntry("connection", "close");
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @Test
    void shouldDrainASmallUnreadBodyAndKeepTheConnectionButCloseAfterALargeOne() throws Exception {
        try (RawClient client = client()) {
            client.send("POST /unread HTTP/1.1\r\nContent-Length: 10\r\n\r\n0123456789");
            assertThat(client.read().headers()).doesNotContainKey("connection");
            assertThat(client.send("GET /after HTTP/1.1\r\n\r\n").read().body()).isEqualTo("GET /after ");
        }
        try (RawClient client = client()) {
            int size = (int) HttpConnection.DRAIN + 1;
            client.send("POST /unread HTTP/1.1\r\nContent-Length: " + size + "\r\n\r\n").send(new byte[size]);

            assertThat(client.read().headers()).containsEntry("connection", "close");
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @Test
    void shouldLeaveTheBodyOutForHeadAnd204ButNotTheLength() throws Exception {
        try (RawClient client = client()) {
            RawClient.Response head = client.send("HEAD /h HTTP/1.1\r\n\r\n").read(true);
            assertThat(head.headers()).containsEntry("content-length", "8");
            assertThat(head.headers().get("date")).matches("[A-Z][a-z]{2}, [0-9]{2} [A-Z][a-z]{2} [0-9]{4} [0-9:]{8} GMT");
            RawClient.Response noContent = client.send("GET /status/204 HTTP/1.1\r\n\r\n").read();
            assertThat(noContent.status()).isEqualTo(204);
            assertThat(noContent.headers()).doesNotContainKey("content-length");

            assertThat(client.send("GET /last HTTP/1.1\r\n\r\n").read().body())
                    .as("nothing stray between the responses").isEqualTo("GET /last ");
        }
    }

    @Test
    void shouldCloseASilentConnectionAndOneWhoseHeadComesTooSlowly() throws Exception {
        try (HttpListener quick = HttpListener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                this::echo, new Timeouts(500, 1_500))) {
            quick.start();
            try (RawClient silent = new RawClient(quick.address())) {
                long started = System.nanoTime();
                assertThat(silent.closedByServer()).isTrue();
                assertThat(System.nanoTime() - started).as("closed after the read timeout, not before")
                        .isGreaterThanOrEqualTo(400_000_000L);
            }
            try (RawClient slow = new RawClient(quick.address())) {
                slow.send("GET /slow HTTP/1.1\r\n");
                boolean closed = false;
                for (int i = 0; i < 100 && !closed; i++) {
                    // one header byte every 100 ms: each read is quick, the head never completes
                    Thread.sleep(100);
                    try {
                        slow.send("X");
                    } catch (IOException reset) {
                        closed = true;
                    }
                }
                assertThat(closed || slow.closedByServer()).as("closed within the head timeout").isTrue();
            }
        }
        assertThat(requests).isEmpty();
    }

    @Test
    void shouldSayWhenTheClientLeftInTheMiddleOfTheBody() throws Exception {
        try (RawClient client = client()) {
            client.send("POST /gone HTTP/1.1\r\nContent-Length: 100\r\n\r\nonly this");
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (failures.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        assertThat(failures).containsExactly("the client closed the connection in the middle of the body");
        assertThat(bodies).as("a cut body is not handed on as if whole").isEmpty();
    }
}
