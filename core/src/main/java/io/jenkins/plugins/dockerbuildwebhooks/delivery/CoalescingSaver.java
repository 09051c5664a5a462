package io.jenkins.plugins.dockerbuildwebhooks.delivery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

/**
 * Applies changes to something that is saved as a whole (in Jenkins: a build, whose
 * {@code build.xml} is rewritten on every save) and saves it once for all the changes queued
 * together, instead of once per change. Fifty results of one fan-out then cost one save, not fifty
 * saves of an ever larger file.
 *
 * <p>A change is queued under a key (what is saved: a build's id); the first change of a key
 * schedules a batch on the executor, and every change of that key submitted before the batch
 * starts joins it. The batch applies its changes in order, then saves once. A change's future
 * completes after the save of its batch, so whoever waits for it knows that the change is on disk
 * (or why not). Changes submitted while a batch runs form the next batch.
 *
 * <p>Thread-safe. Never completes a future exceptionally: a change or a save that throws becomes
 * the message its futures complete with.
 *
 * @param <K> what is saved, as a map key
 */
public final class CoalescingSaver<K> {
    private final Executor executor;
    private final Function<K, Optional<String>> save;
    /** Batches scheduled but not started; a batch leaves before it applies its first change. */
    private final Map<K, Batch> queued = new HashMap<>();

    /**
     * @param executor where batches run
     * @param save saves what {@code key} names; empty when saved, else why not
     */
    public CoalescingSaver(Executor executor, Function<K, Optional<String>> save) {
        this.executor = executor;
        this.save = save;
    }

    /**
     * Queues {@code change} for {@code key}.
     *
     * @return completes after the save that includes the change: empty when it was saved, else why
     *     not (the change or the save failed)
     */
    public CompletableFuture<Optional<String>> submit(K key, Runnable change) {
        Batch batch;
        boolean first;
        CompletableFuture<Optional<String>> saved;
        synchronized (queued) {
            batch = queued.get(key);
            first = batch == null;
            if (first) {
                batch = new Batch();
                queued.put(key, batch);
            }
            batch.changes.add(new Queued(change, new CompletableFuture<>()));
            saved = batch.changes.get(batch.changes.size() - 1).saved;
        }
        if (first) {
            Batch scheduled = batch;
            try {
                executor.execute(() -> run(key, scheduled));
            } catch (RejectedExecutionException e) {
                // the executor is shutting down: save here rather than leave the futures hanging
                run(key, scheduled);
            }
        }
        return saved;
    }

    /** How many changes wait for a batch that has not started yet (for tests and diagnostics). */
    public int queuedChanges() {
        synchronized (queued) {
            return queued.values().stream().mapToInt(b -> b.changes.size()).sum();
        }
    }

    private void run(K key, Batch batch) {
        synchronized (queued) {
            // from here on, new changes of this key start the next batch, which saves after applying them
            queued.remove(key, batch);
        }
        List<Queued> applied = new ArrayList<>(batch.changes.size());
        for (Queued q : batch.changes) {
            try {
                q.change.run();
                applied.add(q);
            } catch (RuntimeException e) {
                // the other changes of the batch still apply and are saved
                q.saved.complete(Optional.of("the change of " + key + " failed: " + e));
            }
        }
        Optional<String> outcome;
        try {
            outcome = save.apply(key);
        } catch (RuntimeException e) {
            outcome = Optional.of("saving " + key + " failed: " + e);
        }
        for (Queued q : applied) {
            q.saved.complete(outcome);
        }
    }

    private record Queued(Runnable change, CompletableFuture<Optional<String>> saved) {}

    private static final class Batch {
        // guarded by the saver's map until the batch leaves it, then read by its own run only
        final List<Queued> changes = new ArrayList<>();
    }
}
