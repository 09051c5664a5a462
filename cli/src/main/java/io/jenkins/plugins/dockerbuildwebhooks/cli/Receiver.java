package io.jenkins.plugins.dockerbuildwebhooks.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.dockerbuildwebhooks.callback.CallbackState;
import io.jenkins.plugins.dockerbuildwebhooks.receiver.PayloadSummary;
import io.jenkins.plugins.dockerbuildwebhooks.receiver.ReceivedFormat;
import io.jenkins.plugins.dockerbuildwebhooks.receiver.SignatureCheck;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP side of {@code receive}: records every request except the page's own ({@code GET /},
 * {@code GET /favicon.ico} and {@code GET /_receive/...}), answers it as the settings say, and serves the page and the API.
 */
final class Receiver implements AutoCloseable {
    static final String UI_PREFIX = "/_receive/";
    private static final int HANDLER_THREADS = 8;
    static final int CALLBACK_QUEUE = 256;

    private final ReceiverSettings settings;
    private final Clock clock;
    private final PrintStream out;
    private final DeliveryLog log;
    private final FailurePlan failures;
    private final BodyStore store;
    private final CallbackSender callbacks = new CallbackSender();
    private final ThreadPoolExecutor callbackThread;
    private final ThreadPoolExecutor handlers;
    private final HttpServer server;
    private final Page page = new Page();

    Receiver(ReceiverSettings settings, Clock clock, PrintStream out) throws IOException {
        this.settings = settings;
        this.clock = clock;
        this.out = out;
        this.log = new DeliveryLog(settings.keep(), settings.keepBytes());
        this.failures = new FailurePlan(settings.status(), settings.failFirst());
        this.store = settings.dir() == null ? null : new BodyStore(settings.dir(), clock.instant());
        // one callback at a time, and a bounded queue: a flood of deliveries cannot pile up callbacks
        this.callbackThread = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(CALLBACK_QUEUE), daemon("receive-callback"));
        // bounded queue; when full the accepting thread runs the request itself, which slows
        // accepting down instead of queueing without limit
        this.handlers = new ThreadPoolExecutor(HANDLER_THREADS, HANDLER_THREADS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(64), daemon("receive-http"), new ThreadPoolExecutor.CallerRunsPolicy());
        this.server = HttpServer.create(new InetSocketAddress(settings.bind(), settings.port()), 64);
        server.createContext("/", this::handle);
        server.setExecutor(handlers);
    }

    void start() {
        server.start();
    }

    /** The port it listens on (the real one when the settings asked for 0). */
    int port() {
        return server.getAddress().getPort();
    }

    /**
     * The page's address. Listening on every address (0.0.0.0, ::) is reached from this machine
     * through loopback: a browser cannot open {@code http://0.0.0.0:PORT/} everywhere, nor
     * {@code http://[::]:PORT/} at all.
     */
    String url() {
        java.net.InetAddress bound = server.getAddress().getAddress();
        // the JDK reports a dual-stack "::" for --bind 0.0.0.0; loopback of the family asked for is what opens
        boolean askedForIpv4 = settings.bind().indexOf(':') < 0;
        String host = bound.isAnyLocalAddress() ? (askedForIpv4 ? "127.0.0.1" : "::1") : bound.getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + port() + "/";
    }

    DeliveryLog log() {
        return log;
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
        callbackThread.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            if ("GET".equals(exchange.getRequestMethod()) && isPagePath(path)) {
                page.serve(exchange, log, settings);
            } else {
                receive(exchange);
            }
        } catch (IOException | UncheckedIOException e) {
            // the client went away; nothing to answer
        }
    }

    /** The page's own paths; browsers also ask for /favicon.ico, which is not a delivery either. */
    static boolean isPagePath(String path) {
        return "/".equals(path) || "/favicon.ico".equals(path) || path.startsWith(UI_PREFIX);
    }

    private void receive(HttpExchange exchange) throws IOException {
        ReceivedDelivery delivery = record(exchange);
        log.add(delivery);
        print(delivery);
        pause();
        answer(exchange, delivery);
        if (settings.callbackState() != null && delivery.status() >= 200 && delivery.status() < 300
                && delivery.summary().callbackUrl() != null && !delivery.summary().callbackUrl().isEmpty()) {
            try {
                callbackThread.execute(() -> callBack(delivery));
            } catch (RejectedExecutionException full) {
                log.replace(delivery.withCallback("not sent: " + CALLBACK_QUEUE + " callbacks are already waiting",
                        log.nextChange()));
            }
        }
    }

    /** Reads the request and decides everything about it: checks, duplicate, status, storage. */
    private ReceivedDelivery record(HttpExchange exchange) throws IOException {
        Instant receivedAt = clock.instant();
        long seq = log.nextSeq();
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            for (String value : values) {
                headers.add(new AbstractMap.SimpleImmutableEntry<>(name, value));
            }
        });
        BodyRead read = readBody(exchange);
        String webhookId = exchange.getRequestHeaders().getFirst("webhook-id");
        DeliveryLog.IdCount seen = webhookId == null ? DeliveryLog.IdCount.NONE : log.countId(webhookId, seq);
        int status = read.tooLarge ? 413 : failures.statusFor(seen.attempt());
        List<SignatureCheck> checks = settings.verifier().verify(exchange.getRequestHeaders()::getFirst, read.bytes);
        PayloadSummary summary = read.tooLarge
                ? new PayloadSummary(null, null, null, List.of(), null,
                        "body larger than --max-body " + settings.maxBody() + " bytes: refused with 413")
                : PayloadSummary.of(read.bytes);
        FormatReport format = read.tooLarge ? FormatReport.unread("body larger than --max-body: not read")
                : FormatReport.of(exchange.getRequestHeaders()::getFirst, read.bytes);
        String storedAs = null;
        if (store != null && !read.tooLarge) {
            try {
                storedAs = store.store(seq, read.bytes);
            } catch (IOException e) {
                storedAs = "not stored: " + e.getMessage();
            }
        }
        String rawQuery = exchange.getRequestURI().getRawQuery();
        String path = exchange.getRequestURI().getRawPath() + (rawQuery == null ? "" : "?" + rawQuery);
        return new ReceivedDelivery(seq, log.nextChange(), receivedAt, exchange.getRequestMethod(), path,
                exchange.getRemoteAddress().getAddress().getHostAddress(), headers, read.bytes, read.size,
                read.tooLarge, summary, format, checks, webhookId, seen.firstSeq(), seen.attempt(), status, storedAs, null);
    }

    private static void answer(HttpExchange exchange, ReceivedDelivery delivery) throws IOException {
        int status = delivery.status();
        byte[] answer = (status >= 200 && status < 300 ? "received #" + delivery.seq()
                : "status " + status + " for #" + delivery.seq()).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        if (delivery.bodyTooLarge()) {
            // the rest of the body is not read: the connection cannot be reused
            exchange.getResponseHeaders().set("Connection", "close");
        }
        if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, answer.length);
        try (OutputStream response = exchange.getResponseBody()) {
            response.write(answer);
        }
    }

    private void callBack(ReceivedDelivery delivery) {
        CallbackState state = settings.callbackState();
        byte[] body = CallbackSender.body(state, "receive: delivery #" + delivery.seq() + " answered "
                + delivery.status(), url() + "#delivery-" + delivery.seq());
        String outcome = "posted " + state.wireName() + " to " + delivery.summary().callbackUrl() + ": "
                + callbacks.send(delivery.summary().callbackUrl(), body);
        log.replace(delivery.withCallback(outcome, log.nextChange()));
        synchronized (out) {
            out.println("#" + delivery.seq() + " callback " + Printable.of(outcome));
            out.flush();
        }
    }

    private void pause() {
        if (settings.delay().isZero()) {
            return;
        }
        try {
            Thread.sleep(settings.delay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private BodyRead readBody(HttpExchange exchange) throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            try {
                long declared = Long.parseLong(length.trim());
                if (declared > settings.maxBody()) {
                    return new BodyRead(new byte[0], declared, true);
                }
            } catch (NumberFormatException e) {
                // the JDK server has already refused such a request; read what comes
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        try (InputStream in = exchange.getRequestBody()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > settings.maxBody()) {
                    return new BodyRead(new byte[0], total, true);
                }
                bytes.write(buffer, 0, n);
            }
        }
        return new BodyRead(bytes.toByteArray(), total, false);
    }

    private void print(ReceivedDelivery d) {
        StringBuilder line = new StringBuilder();
        line.append('#').append(d.seq()).append(' ').append(Printable.of(d.method())).append(' ')
                .append(Printable.of(d.path())).append(" -> ").append(d.status());
        PayloadSummary s = d.summary();
        if (s.repoName() != null) {
            line.append("  ").append(Printable.of(s.repoName())).append(':').append(Printable.of(s.tag()));
        } else if (d.format().format().kind() != ReceivedFormat.Kind.UNKNOWN) {
            line.append("  ").append(Printable.of(d.format().line()));
        } else if (s.problem() != null) {
            line.append("  (").append(Printable.of(s.problem())).append(')');
        }
        for (SignatureCheck c : d.checks()) {
            if (c.outcome() != SignatureCheck.Outcome.NOT_SENT) {
                line.append("  ").append(c.scheme().label()).append(": ")
                        .append(c.outcome().name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        if (d.duplicate()) {
            line.append("  duplicate of #").append(d.firstSeq()).append(" (attempt ").append(d.attempt()).append(')');
        }
        if (d.storedAs() != null) {
            line.append("  stored ").append(Printable.of(d.storedAs()));
        }
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    private record BodyRead(byte[] bytes, long size, boolean tooLarge) {}
}
