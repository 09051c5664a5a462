package io.jenkins.plugins.dockerbuildwebhooks.testservers;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/**
 * A real HTTP(S) receiver on 127.0.0.1 for delivery tests: answers with scripted replies (then a
 * default), records every request, and can delay answers. Modelled on "script, run, verify".
 */
public final class WebhookReceiver implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "receiver");
        t.setDaemon(true);
        return t;
    });
    private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger maxInFlight = new java.util.concurrent.atomic.AtomicInteger();
    private volatile Reply fallback = Reply.status(200, "ok");
    private final String scheme;

    private WebhookReceiver(HttpServer server, String scheme) {
        this.server = server;
        this.scheme = scheme;
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** A plain HTTP receiver on an ephemeral port. */
    public static WebhookReceiver start() throws IOException {
        return new WebhookReceiver(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512), "http");
    }

    /** An HTTPS receiver presenting the key in {@code tls}. */
    public static WebhookReceiver startHttps(SSLContext tls) throws IOException {
        HttpsServer s = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        s.setHttpsConfigurator(new HttpsConfigurator(tls));
        return new WebhookReceiver(s, "https");
    }

    /** Answers the next requests with these replies, in order. */
    public WebhookReceiver enqueue(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    /** The reply once the script is used up (default 200 "ok"). */
    public WebhookReceiver otherwise(Reply reply) {
        this.fallback = reply;
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI url(String path) {
        return URI.create(scheme + "://127.0.0.1:" + port() + path);
    }

    public List<Received> requests() {
        return Collections.unmodifiableList(new ArrayList<>(received));
    }

    /** Most requests this receiver was handling at the same time. */
    public int maxConcurrent() {
        return maxInFlight.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        boolean[] counted = {true};
        try {
            answer(exchange, () -> {
                // A request stops counting once its answer is decided, before the answer is written:
                // the client may send its next request as soon as the bytes arrive, which can be
                // before this thread returns (seen under load: a limit of 2 measured as 3).
                counted[0] = false;
                inFlight.decrementAndGet();
            });
        } finally {
            if (counted[0]) {
                inFlight.decrementAndGet();
            }
        }
    }

    private void answer(HttpExchange exchange, Runnable answering) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers, body, System.nanoTime()));
        Reply reply = script.poll();
        if (reply == null) {
            reply = fallback;
        }
        if (!reply.delay().isZero()) {
            try {
                Thread.sleep(reply.delay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        answering.run();
        reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(out);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** A scripted answer. */
    public record Reply(int status, Map<String, String> headers, String body, Duration delay) {
        public static Reply status(int status, String body) {
            return new Reply(status, Map.of(), body, Duration.ZERO);
        }

        public Reply header(String name, String value) {
            Map<String, String> h = new TreeMap<>(headers);
            h.put(name, value);
            return new Reply(status, h, body, delay);
        }

        public Reply after(Duration d) {
            return new Reply(status, headers, body, d);
        }
    }

    /** A request as it arrived (at {@code arrivedAtNanos}, System.nanoTime); header names lower-cased. */
    public record Received(String method, String path, Map<String, String> headers, byte[] body, long arrivedAtNanos) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }
}
