package io.jenkins.plugins.dockerbuildwebhooks.deliveries;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.dockerbuildwebhooks.json.JsonReader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A webhook receiver on 127.0.0.1 (JDK HTTP server) whose answers can be scripted (first
 * statuses, then a default), held back until the test releases them (a request "in flight" for as
 * long as the test needs, with no timing guesswork), and which can report back like a Docker Hub
 * receiver: POST a callback body to the payload's {@code callback_url}.
 */
final class HookReceiver implements AutoCloseable {
    /** One request as received: raw path with query, header names lower case, body. */
    record Request(String path, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String callbackUrl() {
            return JsonReader.parseObject(body, "received payload").optString("callback_url").orElse("");
        }
    }

    /** What to answer. */
    private record Answer(int status, String retryAfter) {}

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Integer> callbackStatuses = new CopyOnWriteArrayList<>();
    private final Deque<Integer> script = new ArrayDeque<>();
    private volatile Answer answer = new Answer(200, null);
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private volatile String callbackBody;

    private HookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    static HookReceiver start() throws IOException {
        return new HookReceiver();
    }

    /** Answers every following request with {@code status}. */
    HookReceiver answer(int status) {
        answer = new Answer(status, null);
        return this;
    }

    /** Answers every following request with {@code status} and a {@code Retry-After} header. */
    HookReceiver answer(int status, String retryAfter) {
        answer = new Answer(status, retryAfter);
        return this;
    }

    /** Answers the next requests with these statuses, before the default answer applies. */
    HookReceiver script(int... statuses) {
        synchronized (script) {
            for (int status : statuses) {
                script.add(status);
            }
        }
        return this;
    }

    /** Requests getting the default answer wait for {@link #release()} before it is sent. */
    HookReceiver hold() {
        gate = new CountDownLatch(1);
        return this;
    }

    /** Lets held requests (and later ones) be answered. */
    HookReceiver release() {
        gate.countDown();
        return this;
    }

    /** After answering each delivery, POSTs {@code json} to its {@code callback_url}. */
    HookReceiver reportBack(String json) {
        callbackBody = json;
        return this;
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
        String query = exchange.getRequestURI().getRawQuery();
        String path = exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query);
        Request request = new Request(path, headers, exchange.getRequestBody().readAllBytes());
        requests.add(request);
        Integer scripted;
        synchronized (script) {
            scripted = script.poll();
        }
        Answer now = scripted != null ? new Answer(scripted, null) : answer;
        if (scripted == null) {
            try {
                gate.await(5, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (now.retryAfter() != null) {
            exchange.getResponseHeaders().add("Retry-After", now.retryAfter());
        }
        exchange.sendResponseHeaders(now.status(), -1);
        exchange.close();
        String report = callbackBody;
        if (report != null && now.status() < 300) {
            threads.execute(() -> callBack(request.callbackUrl(), report));
        }
    }

    private void callBack(String url, String json) {
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.discarding());
            callbackStatuses.add(response.statusCode());
        } catch (IOException | InterruptedException | IllegalArgumentException e) {
            callbackStatuses.add(-1);
        }
    }

    /** {@code http://127.0.0.1:<port><path>}. */
    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Request> requests() {
        return new ArrayList<>(requests);
    }

    /** HTTP statuses our Jenkins answered the callbacks with (-1: no answer). */
    List<Integer> callbackStatuses() {
        return new ArrayList<>(callbackStatuses);
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        threads.shutdownNow();
    }
}
