package io.jenkins.plugins.dockerbuildwebhooks.deliveries;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.init.InitMilestone;
import hudson.init.Initializer;
import hudson.init.Terminator;
import hudson.model.Run;
import io.jenkins.plugins.dockerbuildwebhooks.callback.CallbackInbox;
import io.jenkins.plugins.dockerbuildwebhooks.callback.CallbackReport;
import io.jenkins.plugins.dockerbuildwebhooks.config.DockerBuildWebhooksConfiguration;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.Delivery;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.DeliveryJournal;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.DeliveryResult;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.OutboxIndex;
import java.io.File;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import jenkins.util.SystemProperties;

/**
 * The controller-wide durable outbox: the {@link DeliveryService} builds hand their deliveries to
 * (it outranks {@link DirectDeliveryService}), and the {@link CallbackInbox} receivers report to.
 * Each delivery is written to core's {@link DeliveryJournal} ({@code
 * $JENKINS_HOME/docker-build-webhooks/outbox.jsonl}, forced to disk) before its first attempt, with
 * its build in the {@link OutboxIndex}. What still retries after the build stopped waiting finishes
 * here and lands on the build ({@link RunRecords}); after a restart, unfinished deliveries resume
 * with the same ids ({@link OutboxResume}); "Redeliver" sends a journalled delivery again ({@link Redeliveries}).
 *
 * <p>Bounded: {@link OutboxRoutes} keeps one core dispatcher per network route, at most {@value
 * #MAX_IN_FLIGHT} requests in flight each; {@link OutboxGate} admits at most {@code maxPending}
 * waiting or retrying deliveries (system property {@code
 * io.jenkins.plugins.dockerbuildwebhooks.deliveries.DeliveryOutbox.maxPending}, default {@value
 * #DEFAULT_MAX_PENDING}); build records are written by {@link OutboxUpdates}, one save per batch of results.
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
    private final OutboxGate gate = new OutboxGate(MAX_PENDING);
    /** What {@link #start()} opened, until {@link #close()}: guarded by {@code this}, start() hands it out. */
    @CheckForNull
    private Opened opened;
    // null before start() and after close(), when results go onto the build at once; read without the lock
    @CheckForNull
    private volatile OutboxUpdates updates;
    // volatile, read without the lock: close() holds the lock while it waits for the update threads,
    // which read it when a cancelled delivery ends
    private volatile boolean closed;

    public static DeliveryOutbox get() {
        return ExtensionList.lookupSingleton(DeliveryOutbox.class);
    }

    private record Opened(DeliveryJournal journal, OutboxIndex index, OutboxRoutes routes) {}

    /** Opens the outbox the first time; returns what is open, read under the lock. */
    private synchronized Opened start() throws IOException {
        if (closed) {
            throw new IOException("the outbox is closed: Jenkins is stopping");
        }
        Opened o = opened;
        if (o == null) {
            File dir = new File(Jenkins.get().getRootDir(), "docker-build-webhooks");
            OutboxIndex index = OutboxIndex.open(new File(dir, "outbox-index.jsonl").toPath(), LOGGER::warning);
            DeliveryJournal journal = DeliveryJournal.open(new File(dir, "outbox.jsonl").toPath(),
                    DeliveryJournal.Durability.SYNC, LOGGER::warning);
            o = new Opened(journal, index, new OutboxRoutes(journal, MAX_IN_FLIGHT));
            opened = o;
            updates = new OutboxUpdates();
        }
        return o;
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
        // in the order of deliveries, which the caller pairs them with
        List<CompletableFuture<DeliveryRecord>> futures = new ArrayList<>(Collections.nCopies(deliveries.size(), null));
        List<Delivery> sendable = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < deliveries.size(); i++) {
            try {
                sendable.add(deliveries.get(i).toDelivery());
                at.add(i);
            } catch (IllegalArgumentException e) {
                futures.set(i, CompletableFuture.completedFuture(deliveries.get(i).failedRecord("FAILED", e.getMessage())));
            }
        }
        List<CompletableFuture<DeliveryResult>> sent = sendAll(run.getExternalizableId(), sendable, null, maxAttempts);
        for (int j = 0; j < at.size(); j++) {
            PlannedDelivery planned = deliveries.get(at.get(j));
            futures.set(at.get(j), sent.get(j).thenApply(result -> CoreDeliveryTransport.toRecord(result, planned)));
        }
        return futures;
    }

    /**
     * Journals and sends a batch: one index write and one journal force per route for all of
     * them, not one per delivery. Each future completes once the build was saved with its result;
     * never exceptionally: journal failures and bugs become FAILED results.
     */
    private List<CompletableFuture<DeliveryResult>> sendAll(String runId, List<Delivery> deliveries,
            @CheckForNull String redeliveryOf, int maxAttempts) {
        List<CompletableFuture<DeliveryResult>> results = new ArrayList<>();
        List<Delivery> admitted = new ArrayList<>();
        for (Delivery delivery : deliveries) {
            Optional<DeliveryResult> refused = gate.refusal(delivery);
            if (refused.isPresent()) {
                results.add(OutboxUpdates.record(updates, runId, delivery.id(), refused.get()));
            } else {
                gate.entered();
                admitted.add(delivery);
                results.add(null);
            }
        }
        List<CompletableFuture<DeliveryResult>> sent;
        try {
            Opened o = start();
            var now = clock.instant();
            o.index().addAll(admitted.stream().map(d -> new OutboxIndex.Link(d.id(), runId, redeliveryOf, now)).toList());
            sent = o.routes().sendAll(admitted, maxAttempts);
        } catch (IOException | RuntimeException e) {
            LOGGER.log(Level.WARNING, "could not hand " + admitted.size() + " deliveries to the outbox", e);
            sent = admitted.stream().map(d -> CompletableFuture.completedFuture(
                    OutboxGate.failed(d, "not sent: " + e.getMessage()))).toList();
        }
        for (int i = 0, next = 0; i < results.size(); i++) {
            if (results.get(i) == null) {
                results.set(i, track(runId, admitted.get(next), sent.get(next)));
                next++;
            }
        }
        return results;
    }

    private CompletableFuture<DeliveryResult> track(String runId, Delivery delivery, CompletableFuture<DeliveryResult> sent) {
        return sent.handle((result, error) -> result != null ? result
                : OutboxGate.failed(delivery, "internal error: " + error)).thenCompose(outcome -> {
                    gate.left(delivery, outcome);
                    if (closed) {
                        // Jenkins is stopping: the journal still has it unfinished, and it resumes at the next start.
                        return CompletableFuture.completedFuture(outcome);
                    }
                    return OutboxUpdates.record(updates, runId, delivery.id(), outcome);
                });
    }

    /**
     * Sends a delivery of {@code run} again: a Docker Hub payload as a new delivery (new id, new
     * callback URL) that points to the original, any other format under its own id, which its body
     * carries as the event id ({@link Redeliveries}). The caller checked that the user may build the job.
     *
     * @throws AbortException when the delivery is not one of this build's, or its payload is no
     *     longer kept, or its credentials are gone
     */
    public DeliveryRecord redeliver(Run<?, ?> run, String deliveryId) throws IOException {
        Opened o = start();
        DeliveriesAction action = DeliveriesAction.of(run);
        DeliveryRecord original = action.find(deliveryId)
                .orElseThrow(() -> new AbortException("No delivery " + deliveryId + " in " + run.getFullDisplayName()));
        Redeliveries.Repeat repeat = Redeliveries.repeat(run, deliveryId, o.index(), o.journal(), KEEP_FINISHED);
        Delivery again = repeat.delivery();
        if (repeat.sameId()) {
            action.modify(deliveryId, DeliveryRecord::sentAgain);
            String runId = run.getExternalizableId();
            try {
                Optional<DeliveryResult> refused = gate.refusal(again);
                if (refused.isPresent()) {
                    RunRecords.result(runId, deliveryId, refused.get());
                } else {
                    resend(o.routes(), runId, again, repeat.attemptsSoFar());
                }
            } catch (RuntimeException e) {
                LOGGER.log(Level.WARNING, "could not send delivery " + deliveryId + " again", e);
                RunRecords.result(runId, deliveryId, OutboxGate.failed(again, "not sent: " + e.getMessage()));
            }
            return original.sentAgain();
        }
        DeliveryRecord record = original.redeliveredAs(again.id());
        action.addAll(List.of(record));
        sendAll(run.getExternalizableId(), List.of(again), deliveryId, maxAttempts());
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
        Opened o = start();
        o.index().prune(o.journal(), clock.instant().minus(KEEP_FINISHED));
        int resumed = OutboxResume.resumeAll(o.journal(), o.index(),
                (runId, delivery, attemptsSoFar) -> resend(o.routes(), runId, delivery, attemptsSoFar));
        if (resumed > 0) {
            LOGGER.log(Level.INFO, "Resumed {0} unfinished Docker webhook deliveries", resumed);
        }
    }

    /** Sends a journalled delivery again under its id, its attempts numbered on from {@code attemptsSoFar}. */
    private void resend(OutboxRoutes routes, String runId, Delivery delivery, int attemptsSoFar) {
        CompletableFuture<DeliveryResult> sent = routes.send(delivery, maxAttempts(),
                d -> d.resumeAll(List.of(delivery), List.of(attemptsSoFar)).thenApply(list -> list.get(0)));
        // entered once sending started (a route that cannot be made throws first); track() lets it leave
        gate.entered();
        track(runId, delivery, sent);
    }

    private static int maxAttempts() {
        return Math.max(1, DockerBuildWebhooksConfiguration.get().getMaxAttempts());
    }

    @Override
    public Acceptance accept(String deliveryId, CallbackReport report) {
        Optional<OutboxIndex.Link> link;
        try {
            link = start().index().find(deliveryId);
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "cannot open the outbox to record a callback", e);
            return Acceptance.UNKNOWN_DELIVERY;
        }
        if (link.isEmpty()) {
            return Acceptance.UNKNOWN_DELIVERY;
        }
        return RunRecords.callback(link.get().ownerId(), deliveryId, report);
    }

    /** Deliveries waiting or retrying right now. */
    public int pendingCount() {
        return gate.pending();
    }

    /** Abandons what is still waiting: it stays unfinished in the journal and resumes at the next start. */
    @Terminator
    public static void shutdown() {
        ExtensionList.lookup(DeliveryOutbox.class).forEach(DeliveryOutbox::close);
    }

    synchronized void close() {
        closed = true;
        Opened o = opened;
        if (o == null) {
            return;
        }
        // The journal first: whatever the dispatchers do while being stopped (a cancelled attempt
        // looking like a failure) must not be written, so that unfinished deliveries stay unfinished.
        try {
            o.journal().close();
        } catch (IOException e) {
            LOGGER.log(Level.FINE, "closing the outbox journal", e);
        }
        o.routes().closeAll();
        OutboxUpdates u = updates;
        if (u != null) { // set with opened
            u.close();
        }
        opened = null;
        updates = null;
    }
}
