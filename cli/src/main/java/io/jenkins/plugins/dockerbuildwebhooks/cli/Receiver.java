package io.jenkins.plugins.dockerbuildwebhooks.cli;

import io.jenkins.plugins.dockerbuildwebhooks.callback.CallbackState;
import io.jenkins.plugins.dockerbuildwebhooks.cli.http.HeaderField;
import io.jenkins.plugins.dockerbuildwebhooks.cli.http.HttpListener;
import io.jenkins.plugins.dockerbuildwebhooks.cli.http.HttpRequest;
import io.jenkins.plugins.dockerbuildwebhooks.cli.http.HttpResponse;
import io.jenkins.plugins.dockerbuildwebhooks.cli.http.RequestBody;
import io.jenkins.plugins.dockerbuildwebhooks.receiver.PayloadSummary;
import io.jenkins.plugins.dockerbuildwebhooks.receiver.ReceivedFormat;
import io.jenkins.plugins.dockerbuildwebhooks.receiver.SignatureCheck;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
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
    static final int CALLBACK_QUEUE = 256;

    private final ReceiverSettings settings;
    private final Clock clock;
    private final PrintStream out;
    private final DeliveryLog log;
    private final FailurePlan failures;
    private final BodyStore store;
    private final CallbackSender callbacks = new CallbackSender();
    private final ThreadPoolExecutor callbackThread;
    private final HttpListener server;
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
        this.server = HttpListener.bind(new InetSocketAddress(settings.bind(), settings.port()), this::handle);
    }

    void start() {
        server.start();
    }

    /** The port it listens on (the real one when the settings asked for 0). */
    int port() {
        return server.address().getPort();
    }

    /**
     * The page's address. Listening on every address (0.0.0.0, ::) is reached from this machine
     * through loopback: a browser cannot open {@code http://0.0.0.0:PORT/} everywhere, nor
     * {@code http://[::]:PORT/} at all.
     */
    String url() {
        java.net.InetAddress bound = server.address().getAddress();
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
        server.close();
        callbackThread.shutdownNow();
    }

    private HttpResponse handle(HttpRequest request, RequestBody body) throws IOException {
        if ("GET".equals(request.method()) && isPagePath(request.rawPath())) {
            return page.serve(request, log, settings);
        }
        return receive(request, body);
    }

    /** The page's own paths; browsers also ask for /favicon.ico, which is not a delivery either. */
    static boolean isPagePath(String path) {
        return "/".equals(path) || "/favicon.ico".equals(path) || path.startsWith(UI_PREFIX);
    }

    private HttpResponse receive(HttpRequest request, RequestBody body) throws IOException {
        ReceivedDelivery delivery = record(request, body);
        log.add(delivery);
        print(delivery);
        pause();
        if (settings.callbackState() != null && delivery.status() >= 200 && delivery.status() < 300
                && delivery.summary().callbackUrl() != null && !delivery.summary().callbackUrl().isEmpty()) {
            try {
                callbackThread.execute(() -> callBack(delivery));
            } catch (RejectedExecutionException full) {
                log.replace(delivery.withCallback("not sent: " + CALLBACK_QUEUE + " callbacks are already waiting",
                        log.nextChange()));
            }
        }
        return answer(delivery);
    }

    /** Reads the request and decides everything about it: checks, duplicate, status, storage. */
    private ReceivedDelivery record(HttpRequest request, RequestBody body) throws IOException {
        Instant receivedAt = clock.instant();
        long seq = log.nextSeq();
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (HeaderField h : request.headers()) {
            headers.add(new AbstractMap.SimpleImmutableEntry<>(h.name(), h.value()));
        }
        BodyRead read = readBody(body);
        String webhookId = request.header("webhook-id");
        DeliveryLog.IdCount seen = webhookId == null ? DeliveryLog.IdCount.NONE : log.countId(webhookId, seq);
        int status = read.tooLarge ? 413 : failures.statusFor(seen.attempt());
        List<SignatureCheck> checks = settings.verifier().verify(request::header, read.bytes);
        PayloadSummary summary = read.tooLarge
                ? new PayloadSummary(null, null, null, List.of(), null,
                        "body larger than --max-body " + settings.maxBody() + " bytes: refused with 413")
                : PayloadSummary.of(read.bytes);
        FormatReport format = read.tooLarge ? FormatReport.unread("body larger than --max-body: not read")
                : FormatReport.of(request::header, read.bytes);
        String storedAs = null;
        if (store != null && !read.tooLarge) {
            try {
                storedAs = store.store(seq, read.bytes);
            } catch (IOException e) {
                storedAs = "not stored: " + e.getMessage();
            }
        }
        String path = request.rawPath() + (request.rawQuery() == null ? "" : "?" + request.rawQuery());
        return new ReceivedDelivery(seq, log.nextChange(), receivedAt, request.method(), path, request.remote(), headers, read.bytes, read.size,
                read.tooLarge, summary, format, checks, webhookId, seen.firstSeq(), seen.attempt(), status, storedAs, null);
    }

    private static HttpResponse answer(ReceivedDelivery delivery) {
        int status = delivery.status();
        HttpResponse answer = HttpResponse.text(status, status >= 200 && status < 300 ? "received #" + delivery.seq()
                : "status " + status + " for #" + delivery.seq());
        // the rest of a body over the limit is not read: the connection cannot be reused
        return delivery.bodyTooLarge() ? answer.closing() : answer;
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

    private BodyRead readBody(RequestBody body) throws IOException {
        if (body.declaredLength() > settings.maxBody()) {
            return new BodyRead(new byte[0], body.declaredLength(), true);
        }
        // sized for the declared length: no copies while it grows
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(
                body.declaredLength() >= 0 ? (int) body.declaredLength() + 1 : 16 * 1024);
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        int n;
        while ((n = body.read(buffer)) > 0) {
            total += n;
            if (total > settings.maxBody()) {
                return new BodyRead(new byte[0], total, true);
            }
            bytes.write(buffer, 0, n);
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
