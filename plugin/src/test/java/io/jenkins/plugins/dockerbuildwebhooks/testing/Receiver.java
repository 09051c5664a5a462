package io.jenkins.plugins.dockerbuildwebhooks.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A real webhook receiver on 127.0.0.1 (JDK HTTP server): answers with scripted statuses (then 200)
 * and records every request it gets.
 */
public final class Receiver implements AutoCloseable {
    /** One request as received; header names lower case. */
    public record Request(String method, String path, Map<String, String> headers, byte[] body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final Deque<Integer> statuses = new ArrayDeque<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch gate = new CountDownLatch(1);
    private volatile boolean held;
    private volatile String answer;

    private Receiver(int... scripted) throws IOException {
        for (int s : scripted) {
            statuses.add(s);
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    /** Answers the first requests with {@code statuses}, every later one with 200. */
    public static Receiver start(int... statuses) throws IOException {
        return new Receiver(statuses);
    }

    /** Answers every request with {@code body} (as text/html, to test escaping) after the scripted statuses. */
    public static Receiver answering(String body, int... statuses) throws IOException {
        Receiver r = new Receiver(statuses);
        r.answer = body;
        return r;
    }

    /** Holds every answer back until {@link #release()}: deliveries stay under way meanwhile. */
    public static Receiver held() throws IOException {
        Receiver r = new Receiver();
        r.held = true;
        return r;
    }

    /** Lets held answers go. */
    public void release() {
        gate.countDown();
    }

    private void handle(HttpExchange exchange) throws IOException {
        if (held) {
            try {
                gate.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
        byte[] body = exchange.getRequestBody().readAllBytes();
        requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers, body));
        int status;
        synchronized (statuses) {
            status = statuses.isEmpty() ? 200 : statuses.poll();
        }
        String text = answer != null ? answer : "{\"received\":" + requests.size() + "}";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", answer != null ? "text/html" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** {@code http://127.0.0.1:<port><path>}. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public List<Request> requests() {
        return new ArrayList<>(requests);
    }

    /** GitHub's {@code sha256=<hex>} of {@code body} with {@code secret}, to check what was received. */
    public static String hubSignature(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }
}
