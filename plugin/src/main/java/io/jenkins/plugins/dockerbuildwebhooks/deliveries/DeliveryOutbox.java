package io.jenkins.plugins.dockerbuildwebhooks.deliveries;

import hudson.AbortException;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.ProxyConfiguration;
import hudson.init.InitMilestone;
import hudson.init.Initializer;
import hudson.init.Terminator;
import hudson.model.Run;
import hudson.security.ACL;
import hudson.security.ACLContext;
import io.jenkins.plugins.dockerbuildwebhooks.callback.CallbackEndpoint;
import io.jenkins.plugins.dockerbuildwebhooks.callback.CallbackInbox;
import io.jenkins.plugins.dockerbuildwebhooks.callback.CallbackReport;
import io.jenkins.plugins.dockerbuildwebhooks.config.DockerBuildWebhooksConfiguration;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.AddressPolicy;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.Delivery;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.DeliveryJournal;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.DeliveryResult;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.Dispatcher;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.JournalEntry;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.Outcome;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.RetryPolicy;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import jenkins.util.SystemProperties;

/**
 * The controller-wide durable outbox: the {@link DeliveryService} builds hand their deliveries to
 * (it outranks {@link DirectDeliveryService}), and the {@link CallbackInbox} receivers report to.
 *
 * <ul>
 *   <li>Each delivery is written to core's {@link DeliveryJournal}
 *       ({@code $JENKINS_HOME/docker-build-webhooks/outbox.jsonl}, forced to disk) before its first
 *       attempt, together with the build it belongs to ({@link OutboxIndex}).
 *   <li>A build waits for the returned futures as long as its wait time allows; whatever is still
 *       retrying afterwards finishes here, and the build's {@link DeliveriesAction} is updated and
 *       the build saved when it ends.
 *   <li>At startup, once jobs are loaded, unfinished deliveries are sent again with the same ids,
 *       their secrets looked up again from the credentials ids the journal kept.
 *   <li>"Redeliver" sends a journalled delivery again as a new delivery pointing to the original.
 *   <li>Callback reports land on their delivery's record; {@link CallbackListener}s are told.
 * </ul>
 *
 * <p>Bounded: sending uses core's {@link Dispatcher} (one I/O reactor per network route, at most
 * {@value #MAX_IN_FLIGHT} requests in flight each); at most {@code maxPending} deliveries (system
 * property {@code io.jenkins.plugins.dockerbuildwebhooks.deliveries.DeliveryOutbox.maxPending},
 * default {@value #DEFAULT_MAX_PENDING}) may wait or retry at once, further ones fail at once with
 * a message saying so; build records are written by at most two threads with a bounded queue.
 * Once an endpoint answered 410 Gone, further deliveries to the same URL fail without being sent
 * until the next restart.
 */
@Extension(ordinal = 100)
public final class DeliveryOutbox implements DeliveryService, CallbackInbox {
    static final int DEFAULT_MAX_PENDING = 1000;
    static final int MAX_IN_FLIGHT = 64;
    private static final Logger LOGGER = Logger.getLogger(DeliveryOutbox.class.getName());
    private static final int MAX_PENDING =
            SystemProperties.getInteger(DeliveryOutbox.class.getName() + ".maxPending", DEFAULT_MAX_PENDING);
    /** How long finished deliveries stay redeliverable and their builds findable for callbacks. */
    private static final Duration KEEP_FINISHED =
            Duration.ofDays(SystemProperties.getInteger(DeliveryOutbox.class.getName() + ".keepDays", 30));

    private final Clock clock = Clock.systemUTC();
    private final AtomicInteger pending = new AtomicInteger();
    private final Set<String> goneEndpoints = ConcurrentHashMap.newKeySet();
    private final Map<String, Route> routes = new HashMap<>();
    private DeliveryJournal journal;
    private OutboxIndex index;
    private ThreadPoolExecutor updates;
    // volatile, read without the lock: close() holds the lock while it waits for the update threads,
    // which ask isClosed() when a cancelled delivery ends
    private volatile boolean closed;

    public static DeliveryOutbox get() {
        return ExtensionList.lookupSingleton(DeliveryOutbox.class);
    }

    private synchronized void start() throws IOException {
        if (closed) {
            throw new IOException("the outbox is closed: Jenkins is stopping");
        }
        if (journal != null) {
            return;
        }
        File dir = new File(Jenkins.get().getRootDir(), "docker-build-webhooks");
        index = OutboxIndex.open(new File(dir, "outbox-index.jsonl").toPath(), LOGGER::warning);
        journal = DeliveryJournal.open(new File(dir, "outbox.jsonl").toPath(), DeliveryJournal.Durability.SYNC,
                LOGGER::warning);
        updates = new ThreadPoolExecutor(1, 2, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(10_000), runnable -> {
            Thread thread = new Thread(runnable, "docker-build-webhooks outbox");
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.CallerRunsPolicy());
        updates.allowCoreThreadTimeOut(true);
    }

    @Override
    public List<CompletableFuture<DeliveryRecord>> submitAll(Run<?, ?> run, List<PlannedDelivery> deliveries,
            int maxAttempts) {
        // A network policy core cannot read (a bad allow-list entry) stops the notification with
        // core's message, as it does without the outbox.
        NetworkSettings.addressPolicy(DockerBuildWebhooksConfiguration.get());
        // Listed at once, so that a receiver answering with a callback before its HTTP response
        // (some do) finds its delivery, and the build page shows what is under way.
        List<DeliveryRecord> listed = new ArrayList<>();
        for (PlannedDelivery planned : deliveries) {
            listed.add(planned.pendingRecord().withCallbackExpected(planned.asksForCallback()));
        }
        try {
            DeliveriesAction.of(run).addAll(listed);
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "could not save the pending deliveries of " + run, e);
        }
        List<CompletableFuture<DeliveryRecord>> futures = new ArrayList<>();
        for (PlannedDelivery planned : deliveries) {
            Delivery delivery;
            try {
                delivery = new Delivery(planned.deliveryId(), CoreEndpoints.toCore(planned.endpoint()), planned.body(),
                        Map.of());
            } catch (IllegalArgumentException e) {
                futures.add(CompletableFuture.completedFuture(planned.failedRecord("FAILED", e.getMessage())));
                continue;
            }
            futures.add(send(run.getExternalizableId(), delivery, null, maxAttempts)
                    .thenApply(result -> CoreDeliveryTransport.toRecord(result, planned)));
        }
        return futures;
    }

    /**
     * Journals and sends one delivery; the build's record is updated when it ends. Never completes
     * exceptionally: journal failures and bugs become FAILED results.
     */
    private CompletableFuture<DeliveryResult> send(String runId, Delivery delivery, String redeliveryOf, int maxAttempts) {
        Optional<DeliveryResult> refused = refusal(delivery);
        if (refused.isPresent()) {
            record(runId, delivery.id(), refused.get());
            return CompletableFuture.completedFuture(refused.get());
        }
        pending.incrementAndGet();
        CompletableFuture<DeliveryResult> sent;
        try {
            start();
            Route route = route(delivery, maxAttempts);
            index.addAll(List.of(new OutboxIndex.Link(delivery.id(), runId, redeliveryOf, clock.instant())));
            sent = route.send(d -> d.submit(delivery));
        } catch (IOException | RuntimeException e) {
            LOGGER.log(Level.WARNING, "could not hand delivery " + delivery.id() + " to the outbox", e);
            sent = CompletableFuture.completedFuture(failed(delivery, "not sent: " + e.getMessage()));
        }
        return track(runId, delivery, sent);
    }

    /** Why a delivery is not even tried: its endpoint said it is gone, or the outbox is full. */
    private Optional<DeliveryResult> refusal(Delivery delivery) {
        if (goneEndpoints.contains(endpointKey(delivery))) {
            return Optional.of(new DeliveryResult(delivery.endpoint().id(), delivery.endpoint().maskedUrl(), delivery.id(),
                    Outcome.GONE, 0, List.of(), "not sent: this endpoint answered 410 Gone earlier"
                    + " (fix its URL; deliveries to it resume after the next restart)"));
        }
        if (pending.get() >= MAX_PENDING) {
            return Optional.of(failed(delivery, "not sent: the outbox is full (" + MAX_PENDING
                    + " deliveries waiting or retrying)"));
        }
        return Optional.empty();
    }

    private static DeliveryResult failed(Delivery delivery, String message) {
        return new DeliveryResult(delivery.endpoint().id(), delivery.endpoint().maskedUrl(), delivery.id(),
                Outcome.FAILED, 0, List.of(), message);
    }

    private CompletableFuture<DeliveryResult> track(String runId, Delivery delivery, CompletableFuture<DeliveryResult> sent) {
        CompletableFuture<DeliveryResult> recorded = new CompletableFuture<>();
        sent.whenComplete((result, error) -> {
            Runnable update = () -> {
                pending.decrementAndGet();
                DeliveryResult outcome = result != null ? result : failed(delivery, "internal error: " + error);
                if (isClosed()) {
                    // Jenkins is stopping: the journal still has it unfinished, and it resumes at the next start.
                    recorded.complete(outcome);
                    return;
                }
                if (outcome.outcome() == Outcome.GONE) {
                    goneEndpoints.add(endpointKey(delivery));
                }
                try {
                    record(runId, delivery.id(), outcome);
                } finally {
                    recorded.complete(outcome);
                }
            };
            ThreadPoolExecutor executor = updates;
            if (executor == null || executor.isShutdown()) {
                update.run();
            } else {
                executor.execute(update);
            }
        });
        return recorded;
    }

    /** Brings the build's record of the delivery up to date and saves the build. */
    private void record(String runId, String deliveryId, DeliveryResult result) {
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            Run<?, ?> run = Run.fromExternalizableId(runId);
            if (run == null) {
                LOGGER.log(Level.FINE, "delivery {0} ended {1}, but build {2} is gone",
                        new Object[] {deliveryId, result.outcome(), runId});
                return;
            }
            DeliveriesAction action = run.getAction(DeliveriesAction.class);
            if (action != null
                    && action.modify(deliveryId, record -> record.updatedBy(DeliveryRecords.withResult(record, result)))) {
                tellListeners(runId, deliveryId);
            }
        } catch (IOException | RuntimeException e) {
            LOGGER.log(Level.WARNING, "could not record the result of delivery " + deliveryId + " on " + runId, e);
        }
    }

    private static void tellListeners(String runId, String deliveryId) {
        for (CallbackListener listener : ExtensionList.lookup(CallbackListener.class)) {
            try {
                listener.changed(runId, deliveryId);
            } catch (RuntimeException e) {
                LOGGER.log(Level.WARNING, "a callback listener failed", e);
            }
        }
    }

    /**
     * Sends a delivery of {@code run} again as a new delivery (new id, new callback URL) that points
     * to the original. The caller checked that the user may build the job.
     *
     * @throws AbortException when the delivery is not one of this build's, or its payload is no
     *     longer kept, or its credentials are gone
     */
    public DeliveryRecord redeliver(Run<?, ?> run, String deliveryId) throws IOException {
        start();
        DeliveriesAction action = DeliveriesAction.of(run);
        DeliveryRecord original = action.find(deliveryId)
                .orElseThrow(() -> new AbortException("No delivery " + deliveryId + " in " + run.getFullDisplayName()));
        Optional<OutboxIndex.Link> link = index.find(deliveryId);
        // The index, not the page the button was on, says which build a delivery belongs to.
        if (link.isEmpty() || !link.get().runId().equals(run.getExternalizableId())) {
            throw new AbortException("Delivery " + deliveryId + " is not in the outbox of " + run.getFullDisplayName()
                    + " (sent before the outbox existed, or kept no longer)");
        }
        JournalEntry entry = journal.entry(deliveryId).orElseThrow(() -> new AbortException("The payload of delivery "
                + deliveryId + " is no longer kept (finished deliveries are kept " + KEEP_FINISHED.toDays() + " days)"));
        Delivery first;
        try {
            first = entry.toDelivery(new RunSecrets(run));
        } catch (IllegalArgumentException e) {
            throw new AbortException("Cannot redeliver " + deliveryId + ": " + e.getMessage());
        }
        String newId = PlannedDelivery.newId();
        byte[] body = CallbackUrlRewriter.rewrite(first.body(), old -> CallbackEndpoint.callbackUrlFor(newId).orElse(old));
        Delivery again = new Delivery(newId, first.endpoint(), body, first.headers());
        DeliveryRecord record = original.redeliveredAs(newId);
        action.addAll(List.of(record));
        send(run.getExternalizableId(), again, deliveryId, maxAttempts());
        return record;
    }

    /** Resumes unfinished deliveries and forgets old finished ones; runs once the jobs are loaded. */
    @Initializer(after = InitMilestone.JOB_LOADED)
    public static void resumeAfterStart() {
        try {
            get().resumeUnfinished();
        } catch (IOException | RuntimeException e) {
            LOGGER.log(Level.WARNING, "could not resume unfinished Docker webhook deliveries", e);
        }
    }

    void resumeUnfinished() throws IOException {
        start();
        Instant cutoff = clock.instant().minus(KEEP_FINISHED);
        // Two passes, never nested, so the index and journal locks are never held together.
        Set<String> unfinished = ConcurrentHashMap.newKeySet();
        journal.unfinished().forEach(e -> unfinished.add(e.id()));
        index.retain(link -> link.created().isAfter(cutoff) || unfinished.contains(link.deliveryId()));
        journal.compact(e -> !e.finished() || index.find(e.id()).isPresent());
        int resumed = 0;
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            for (JournalEntry entry : journal.unfinished()) {
                try {
                    resumed += resume(entry) ? 1 : 0;
                } catch (RuntimeException e) {
                    // e.g. a network policy core cannot read: left unfinished for the next start
                    LOGGER.log(Level.WARNING, "could not resume delivery " + entry.id(), e);
                }
            }
        }
        if (resumed > 0) {
            LOGGER.log(Level.INFO, "Resumed {0} unfinished Docker webhook deliveries", resumed);
        }
    }

    private boolean resume(JournalEntry entry) {
        String id = entry.id();
        Run<?, ?> run = index.find(id).map(l -> Run.fromExternalizableId(l.runId())).orElse(null);
        if (run == null) {
            journal.finish(new DeliveryResult(entry.endpointId(), "", id, Outcome.FAILED, 0, entry.attempts(),
                    "not resumed: its build no longer exists"));
            return false;
        }
        String runId = run.getExternalizableId();
        Delivery delivery;
        try {
            delivery = entry.toDelivery(new RunSecrets(run));
        } catch (IllegalArgumentException e) {
            DeliveryResult notResumed = new DeliveryResult(entry.endpointId(), "", id, Outcome.FAILED, 0,
                    entry.attempts(), "not resumed after a restart: " + e.getMessage());
            journal.finish(notResumed);
            record(runId, id, notResumed);
            return false;
        }
        Route route = route(delivery, maxAttempts());
        pending.incrementAndGet();
        int attemptsSoFar = entry.attempts().size();
        CompletableFuture<DeliveryResult> sent = route
                .send(d -> d.resumeAll(List.of(delivery), List.of(attemptsSoFar)).thenApply(list -> list.get(0)));
        track(runId, delivery, sent);
        return true;
    }

    private static int maxAttempts() {
        return Math.max(1, DockerBuildWebhooksConfiguration.get().getMaxAttempts());
    }

    @Override
    public Acceptance accept(String deliveryId, CallbackReport report) {
        Optional<OutboxIndex.Link> link;
        try {
            start();
            link = index.find(deliveryId);
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "cannot open the outbox to record a callback", e);
            return Acceptance.UNKNOWN_DELIVERY;
        }
        if (link.isEmpty()) {
            return Acceptance.UNKNOWN_DELIVERY;
        }
        String runId = link.get().runId();
        boolean[] already = new boolean[1];
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            Run<?, ?> run = Run.fromExternalizableId(runId);
            DeliveriesAction action = run == null ? null : run.getAction(DeliveriesAction.class);
            boolean found = action != null && action.modify(deliveryId, record -> {
                if (record.getCallback() != null) {
                    already[0] = true;
                    return record;
                }
                return record.withCallback(report);
            });
            if (!found) {
                return Acceptance.UNKNOWN_DELIVERY;
            }
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "could not save the callback report of delivery " + deliveryId, e);
        }
        if (already[0]) {
            return Acceptance.ALREADY_REPORTED;
        }
        tellListeners(runId, deliveryId);
        return Acceptance.RECORDED;
    }

    private boolean isClosed() {
        return closed;
    }

    /** Deliveries waiting or retrying right now. */
    public int pendingCount() {
        return pending.get();
    }

    /**
     * The dispatcher for this delivery's network route (direct, or through Jenkins' proxy) under
     * the current configuration. Dispatchers made under an older configuration are retired and
     * closed once their last delivery ended, so a stricter network policy applies at once.
     */
    private synchronized Route route(Delivery delivery, int maxAttempts) {
        DockerBuildWebhooksConfiguration config = DockerBuildWebhooksConfiguration.get();
        Jenkins jenkins = Jenkins.getInstanceOrNull();
        ProxyConfiguration proxy = jenkins == null ? null : jenkins.getProxy();
        boolean viaProxy = proxy != null && CoreDeliveryTransport.usesProxy(proxy, delivery.endpoint().url());
        String configuration = config.isBlockPrivateNetworks() + "|" + config.allowListEntries() + "|" + maxAttempts
                + "|" + (viaProxy ? proxy.getName() + ":" + proxy.getPort() : "direct");
        String key = viaProxy + "|" + maxAttempts;
        Route current = routes.get(key);
        if (current == null || !current.configuration.equals(configuration)) {
            if (current != null) {
                current.retire();
            }
            AddressPolicy policy = NetworkSettings.addressPolicy(config);
            Dispatcher.Builder builder = Dispatcher.builder()
                    .journal(journal)
                    .addressPolicy(policy)
                    .retryPolicy(RetryPolicy.DEFAULT.withMaxAttempts(maxAttempts))
                    .maxInFlight(MAX_IN_FLIGHT)
                    .userAgent(NetworkSettings.userAgent());
            if (viaProxy) {
                builder.proxy(proxy.getName(), proxy.getPort());
            }
            current = new Route(builder.build(), configuration);
            routes.put(key, current);
        }
        return current;
    }

    /** One dispatcher and the deliveries it still has; closed when retired and idle. */
    private static final class Route {
        final Dispatcher dispatcher;
        final String configuration;
        private int inFlight;
        private boolean retired;

        Route(Dispatcher dispatcher, String configuration) {
            this.dispatcher = dispatcher;
            this.configuration = configuration;
        }

        CompletableFuture<DeliveryResult> send(java.util.function.Function<Dispatcher, CompletableFuture<DeliveryResult>> how) {
            synchronized (this) {
                inFlight++;
            }
            CompletableFuture<DeliveryResult> future = how.apply(dispatcher);
            future.whenComplete((result, error) -> {
                boolean close;
                synchronized (this) {
                    inFlight--;
                    close = retired && inFlight == 0;
                }
                if (close) {
                    // not on the dispatcher's own thread, which close() shuts down
                    CompletableFuture.runAsync(dispatcher::close);
                }
            });
            return future;
        }

        void retire() {
            boolean close;
            synchronized (this) {
                retired = true;
                close = inFlight == 0;
            }
            if (close) {
                dispatcher.close();
            }
        }
    }

    /** Abandons what is still waiting: it stays unfinished in the journal and resumes at the next start. */
    @Terminator
    public static void shutdown() {
        ExtensionList.lookup(DeliveryOutbox.class).forEach(DeliveryOutbox::close);
    }

    synchronized void close() {
        closed = true;
        if (journal == null) {
            return;
        }
        // The journal first: whatever the dispatchers do while being stopped (a cancelled attempt
        // looking like a failure) must not be written, so that unfinished deliveries stay unfinished.
        try {
            journal.close();
        } catch (IOException e) {
            LOGGER.log(Level.FINE, "closing the outbox journal", e);
        }
        routes.values().forEach(r -> r.dispatcher.close());
        routes.clear();
        updates.shutdown();
        try {
            updates.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        journal = null;
        index = null;
        updates = null;
    }

    /** Names an endpoint by a hash of its full URL, so the (possibly secret) URL is not kept as text. */
    private static String endpointKey(Delivery delivery) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(delivery.endpoint().url().toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
