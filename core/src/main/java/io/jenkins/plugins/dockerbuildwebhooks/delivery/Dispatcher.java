package io.jenkins.plugins.dockerbuildwebhooks.delivery;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * Sends deliveries concurrently on one HttpClient 5 I/O reactor (no thread per request), within
 * an overall in-flight limit and each endpoint's {@link Endpoint#maxInFlight()}, retrying per the
 * {@link RetryPolicy}, journalling when a {@link DeliveryJournal} is configured, and connecting only
 * to addresses the {@link AddressPolicy} accepted. Every expected failure ends as a
 * {@link DeliveryResult}; the returned futures complete exceptionally only on bugs or journal
 * write failures.
 *
 * <p>Delivery bookkeeping runs on a single control thread, so limits and retry state need no locks.
 */
public final class Dispatcher implements AutoCloseable {
    private final Clock clock;
    private final Scheduler scheduler;
    private final RandomGenerator random;
    private final RetryPolicy retryPolicy;
    private final AddressPolicy addressPolicy;
    private final DeliveryJournal journal;
    private final DeliveryListener listener;
    private final RequestFactory requests;
    private final boolean proxied;
    private final CloseableHttpAsyncClient client;
    private final ExecutorService control;
    private volatile boolean closed;
    private final ScheduledExecutorService timer;
    private final AsyncLimiter overall;
    private final Map<String, AsyncLimiter> perEndpoint = new HashMap<>();
    private final java.util.Set<InFlight> active = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final GroupCommit commits;

    private Dispatcher(Builder b) {
        this.clock = b.clock;
        this.random = b.random;
        this.retryPolicy = b.retryPolicy;
        this.addressPolicy = b.addressPolicy;
        this.journal = b.journal;
        this.listener = b.listener;
        this.commits = new GroupCommit(b.journal, this::onControl);
        this.requests = new RequestFactory(b.userAgent);
        this.proxied = b.proxy != null;
        this.control = Executors.newSingleThreadExecutor(daemon("dbw-dispatch"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("dbw-timer"));
        this.scheduler = b.scheduler != null ? b.scheduler
                : (delay, task) -> timer.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        this.overall = new AsyncLimiter(b.maxInFlight);
        SSLContext sslContext = b.sslContext;
        LazyTlsStrategy tls = new LazyTlsStrategy(() -> {
            var strategy = ClientTlsStrategyBuilder.create();
            if (sslContext != null) {
                strategy.setSslContext(sslContext);
            }
            return strategy.build();
        });
        var connections = PoolingAsyncClientConnectionManagerBuilder.create()
                .setDnsResolver(new GuardedDnsResolver(b.names, b.addressPolicy))
                .setTlsStrategy(tls)
                .setMaxConnTotal(b.maxInFlight)
                .setMaxConnPerRoute(b.maxInFlight)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofMilliseconds(b.connectTimeout.toMillis()))
                        .build())
                .build();
        var builder = HttpAsyncClients.custom()
                .setConnectionManager(connections)
                .setIOReactorConfig(IOReactorConfig.custom()
                        .setIoThreadCount(Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())))
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching();
        if (b.proxy != null) {
            builder.setProxy(b.proxy);
        }
        this.client = builder.build();
        client.start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Journals (if configured) and sends one delivery. */
    public CompletableFuture<DeliveryResult> submit(Delivery delivery) {
        return submitAll(List.of(delivery)).thenApply(list -> list.get(0));
    }

    /**
     * Journals all deliveries with one disk force, then sends them concurrently; the results come
     * in the order of {@code deliveries}.
     */
    public CompletableFuture<List<DeliveryResult>> submitAll(List<Delivery> deliveries) {
        return all(submitEach(deliveries));
    }

    /** {@link #submitAll}, with one future per delivery, each completing when its delivery ends. */
    public List<CompletableFuture<DeliveryResult>> submitEach(List<Delivery> deliveries) {
        if (journal != null) {
            journal.begin(deliveries, clock.instant());
        }
        return startAll(deliveries, List.of());
    }

    /**
     * Sends deliveries already in the journal again with the same ids (resuming unfinished ones, or
     * repeating finished ones on request); attempt numbers continue from {@code attemptsSoFar}, and
     * the retry budget starts afresh.
     */
    public CompletableFuture<List<DeliveryResult>> resumeAll(List<Delivery> deliveries, List<Integer> attemptsSoFar) {
        if (journal != null) {
            for (Delivery d : deliveries) {
                journal.resume(d.id(), clock.instant());
            }
        }
        return all(startAll(deliveries, attemptsSoFar));
    }

    /** Blocks until every delivery has a result. */
    public List<DeliveryResult> deliverAll(List<Delivery> deliveries) {
        return submitAll(deliveries).join();
    }

    private static CompletableFuture<List<DeliveryResult>> all(List<CompletableFuture<DeliveryResult>> futures) {
        return CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0]))
                .thenApply(v -> futures.stream().map(CompletableFuture::join).toList());
    }

    private List<CompletableFuture<DeliveryResult>> startAll(List<Delivery> deliveries, List<Integer> attemptsSoFar) {
        List<CompletableFuture<DeliveryResult>> futures = new ArrayList<>(deliveries.size());
        List<InFlight> flights = new ArrayList<>(deliveries.size());
        for (int i = 0; i < deliveries.size(); i++) {
            int before = i < attemptsSoFar.size() ? attemptsSoFar.get(i) : 0;
            InFlight f = new InFlight(deliveries.get(i), before);
            active.add(f);
            f.done.whenComplete((r, e) -> active.remove(f));
            flights.add(f);
            futures.add(f.done);
        }
        control.execute(() -> flights.forEach(this::acquireAndAttempt));
        return futures;
    }

    /** State of one delivery between attempts; touched only on the control thread. */
    private static final class InFlight {
        final Delivery delivery;
        final int attemptsBefore;
        final List<Attempt> attempts = new ArrayList<>();
        final CompletableFuture<DeliveryResult> done = new CompletableFuture<>();

        InFlight(Delivery delivery, int attemptsBefore) {
            this.delivery = delivery;
            this.attemptsBefore = attemptsBefore;
        }

        int attemptsThisRun() {
            return attempts.size();
        }
    }

    private void acquireAndAttempt(InFlight f) {
        Endpoint e = f.delivery.endpoint();
        AsyncLimiter endpointLimit = perEndpoint.computeIfAbsent(e.id(), k -> new AsyncLimiter(e.maxInFlight()));
        endpointLimit.acquire(() -> overall.acquire(() -> guarded(f, () -> attempt(f))));
    }

    private void releasePermits(InFlight f) {
        Runnable nextOverall = overall.release();
        Runnable nextEndpoint = perEndpoint.get(f.delivery.endpoint().id()).release();
        if (nextOverall != null) {
            nextOverall.run();
        }
        if (nextEndpoint != null) {
            nextEndpoint.run();
        }
    }

    private void guarded(InFlight f, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException ex) {
            f.done.completeExceptionally(ex);
        }
    }

    private void attempt(InFlight f) {
        Delivery d = f.delivery;
        Endpoint e = d.endpoint();
        Optional<String> refused = precheck(e.url());
        if (refused.isPresent()) {
            releasePermits(f);
            finish(f, Outcome.BLOCKED, 0, refused.get());
            return;
        }
        int number = f.attemptsBefore + f.attemptsThisRun() + 1;
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        CappedResponseConsumer consumer = new CappedResponseConsumer();
        HttpClientContext context = HttpClientContext.create();
        context.setRequestConfig(requestConfig(e));
        Future<Void> exchange;
        try {
            exchange = client.execute(SimpleRequestProducer.create(requests.build(d, started)), consumer,
                null, context, new FutureCallback<>() {
                    @Override
                    public void completed(Void result) {
                        // the consumer has already completed its summary
                    }

                    @Override
                    public void failed(Exception ex) {
                        consumer.failed(ex);
                    }

                    @Override
                    public void cancelled() {
                        consumer.failed(new java.util.concurrent.CancellationException("cancelled"));
                    }
                });
        } catch (RuntimeException ex) {
            // e.g. the client was closed: still an attempt that ended, so permits and retries stay consistent
            consumer.failed(ex);
            consumer.result().whenComplete((response, error) -> onControl(
                    () -> guarded(f, () -> afterAttempt(f, number, started, t0, consumer, response, error))));
            return;
        }
        ScheduledFuture<?> deadline = timer.schedule(() -> {
            if (!consumer.finishEarly("response body not complete within " + seconds(e.timeout()))) {
                consumer.result().completeExceptionally(
                        new TimeoutException("no response within " + seconds(e.timeout())));
            }
            exchange.cancel(true);
        }, e.timeout().toMillis(), TimeUnit.MILLISECONDS);
        consumer.result().whenComplete((response, error) -> {
            deadline.cancel(false);
            onControl(() -> guarded(f, () -> afterAttempt(f, number, started, t0, consumer, response, error)));
        });
    }

    @SuppressWarnings("deprecation") // the per-request connect timeout is the only per-endpoint one HttpClient offers
    private static RequestConfig requestConfig(Endpoint e) {
        return RequestConfig.custom()
                .setRedirectsEnabled(false)
                .setConnectTimeout(Timeout.ofMilliseconds(e.connectTimeout().toMillis()))
                .setResponseTimeout(Timeout.ofMilliseconds(e.timeout().toMillis()))
                .build();
    }

    /**
     * Checks a literal IP target before anything is sent. Without a proxy the resolver checks it
     * again; behind a proxy this is the only check the target gets (the proxy resolves names).
     */
    private Optional<String> precheck(URI url) {
        String host = url.getHost();
        try {
            var literal = IpLiterals.parse(host);
            if (literal.isPresent()) {
                addressPolicy.check(host, List.of(literal.get()));
            } else {
                addressPolicy.checkName(host);
            }
            return Optional.empty();
        } catch (BlockedAddressException ex) {
            return Optional.of(ex.getMessage());
        } catch (IllegalArgumentException ex) {
            return Optional.of(ex.getMessage());
        }
    }

    private void afterAttempt(InFlight f, int number, Instant started, long t0, CappedResponseConsumer consumer,
            ResponseSummary response, Throwable error) {
        long end = consumer.headersAtNanos() != 0 ? consumer.headersAtNanos() : System.nanoTime();
        Duration latency = Duration.ofNanos(Math.max(0, end - t0));
        Endpoint e = f.delivery.endpoint();
        Attempt attempt;
        if (response != null) {
            attempt = new Attempt(number, started, response.status(), response.bodyNote(), latency, response.excerpt());
        } else {
            attempt = new Attempt(number, started, 0, AttemptErrors.describe(error, e.url()), latency, "");
        }
        f.attempts.add(attempt);
        releasePermits(f);
        if (journal != null) {
            journal.attemptUnsynced(f.delivery.id(), attempt);
            commits.written();
        }
        listener.attempted(f.delivery, attempt);

        if (response == null) {
            BlockedAddressException blocked = AttemptErrors.blocked(error);
            if (blocked != null) {
                finish(f, Outcome.BLOCKED, 0, blocked.getMessage());
            } else if (AttemptErrors.permanent(error)) {
                finish(f, Outcome.FAILED, 0, attempt.error());
            } else {
                retryOrFail(f, 0, null, attempt.error());
            }
            return;
        }
        int status = response.status();
        if (status >= 200 && status < 300) {
            finish(f, Outcome.DELIVERED, status, "");
        } else if (status >= 300 && status < 400) {
            finish(f, Outcome.DELIVERED_REDIRECT, status, "redirect not followed" + redirectTarget(response.location()));
        } else if (status == 410) {
            finish(f, Outcome.GONE, status, "410 Gone: the receiver asks not to send to this endpoint again");
        } else if (RetryPolicy.retryable(status)) {
            retryOrFail(f, status, response.retryAfter(), "HTTP " + status);
        } else {
            finish(f, Outcome.FAILED, status, "HTTP " + status + " (not retried)");
        }
    }

    private static String redirectTarget(String location) {
        if (location == null) {
            return "";
        }
        try {
            URI u = URI.create(location);
            return u.getHost() == null ? " (Location is relative)" : " (Location host " + u.getHost() + ")";
        } catch (IllegalArgumentException ex) {
            return " (Location unreadable)";
        }
    }

    private void retryOrFail(InFlight f, int status, String retryAfter, String what) {
        StringBuilder why = new StringBuilder();
        Optional<Duration> delay = retryPolicy.nextDelay(f.attemptsThisRun(), retryAfter, clock.instant(), random, why);
        if (delay.isEmpty()) {
            finish(f, Outcome.FAILED, status, what + "; " + why);
            return;
        }
        listener.retrying(f.delivery, f.attempts.get(f.attempts.size() - 1), delay.get());
        scheduler.schedule(delay.get(), () -> onControl(() -> guarded(f, () -> acquireAndAttempt(f))));
    }

    private void finish(InFlight f, Outcome outcome, int status, String message) {
        Endpoint e = f.delivery.endpoint();
        DeliveryResult result = new DeliveryResult(e.id(), e.maskedUrl(), f.delivery.id(), outcome, status,
                f.attempts, AttemptErrors.mask(message, e.url()));
        if (journal != null) {
            journal.finishUnsynced(result);
        }
        // reported once on disk, together with the other results that came in meanwhile
        commits.afterSync(failure -> {
            if (failure.isPresent()) {
                f.done.completeExceptionally(failure.get());
                return;
            }
            try {
                listener.finished(result);
                f.done.complete(result);
            } catch (RuntimeException ex) {
                f.done.completeExceptionally(ex);
            }
        });
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Stops the client. Deliveries not finished yet are abandoned: their futures complete with a
     * {@link java.util.concurrent.CancellationException}, and in the journal they stay unfinished,
     * to be resumed later.
     */
    @Override
    public void close() {
        // Stop the control thread before closing the client: closing cancels in-flight exchanges,
        // and their callbacks must not be recorded as ended attempts (or as final outcomes) in the
        // journal. Deliveries cut off here stay unfinished there and resume with the same id.
        closed = true;
        control.shutdownNow();
        timer.shutdownNow();
        client.close(CloseMode.IMMEDIATE);
        for (InFlight f : active) {
            f.done.completeExceptionally(new java.util.concurrent.CancellationException(
                    "dispatcher closed before delivery " + f.delivery.id() + " finished"));
        }
    }

    /** Runs {@code task} on the control thread, unless the dispatcher is closing. */
    private void onControl(Runnable task) {
        if (closed) {
            return;
        }
        try {
            control.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException ex) {
            // closed between the check and the call: the delivery stays unfinished in the journal
        }
    }

    /** Configures a {@link Dispatcher}. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private Scheduler scheduler;
        private RandomGenerator random = new SecureRandom();
        private NameResolver names = NameResolver.SYSTEM;
        private AddressPolicy addressPolicy = AddressPolicy.defaultPolicy();
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private DeliveryJournal journal;
        private DeliveryListener listener = new DeliveryListener() { };
        private int maxInFlight = 256;
        private Duration connectTimeout = Endpoint.DEFAULT_CONNECT_TIMEOUT;
        private String userAgent = "docker-build-webhooks";
        private SSLContext sslContext;
        private HttpHost proxy;

        public Builder clock(Clock c) {
            this.clock = c;
            return this;
        }

        /** Where retry waits happen (default: a timer thread). */
        public Builder scheduler(Scheduler s) {
            this.scheduler = s;
            return this;
        }

        /** The randomness of retry jitter. */
        public Builder random(RandomGenerator r) {
            this.random = r;
            return this;
        }

        public Builder nameResolver(NameResolver n) {
            this.names = n;
            return this;
        }

        public Builder addressPolicy(AddressPolicy p) {
            this.addressPolicy = p;
            return this;
        }

        public Builder retryPolicy(RetryPolicy p) {
            this.retryPolicy = p;
            return this;
        }

        public Builder journal(DeliveryJournal j) {
            this.journal = j;
            return this;
        }

        /** Hears about attempts, retries and results as they happen. */
        public Builder listener(DeliveryListener l) {
            this.listener = java.util.Objects.requireNonNull(l);
            return this;
        }

        /** Most attempts in flight overall (and connections open). */
        public Builder maxInFlight(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("max in flight must be at least 1, not " + n);
            }
            this.maxInFlight = n;
            return this;
        }

        /** Product and version for the {@code User-Agent} header, e.g. {@code docker-build-webhooks/1.2.0}. */
        public Builder userAgent(String ua) {
            this.userAgent = ua;
            return this;
        }

        /** TLS trust (see {@link TrustStores}); default: the JDK's trusted CAs. */
        public Builder sslContext(SSLContext c) {
            this.sslContext = c;
            return this;
        }

        /**
         * Sends through an HTTP proxy. The proxy resolves target names, so the address policy then
         * applies to the proxy's own address, and to targets only when they are IP literals (or
         * metadata host names).
         */
        public Builder proxy(String host, int port) {
            this.proxy = new HttpHost("http", host, port);
            return this;
        }

        public Dispatcher build() {
            return new Dispatcher(this);
        }
    }

}
