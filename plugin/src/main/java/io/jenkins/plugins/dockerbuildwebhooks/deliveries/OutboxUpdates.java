package io.jenkins.plugins.dockerbuildwebhooks.deliveries;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.CoalescingSaver;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.DeliveryResult;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes the outbox's results onto their builds off the dispatchers' threads: at most two threads
 * with a bounded queue. Results of one build that come in together are applied to its records and
 * saved with one save of the build ({@link CoalescingSaver}): each save rewrites the whole
 * {@code build.xml}, and saving once per delivery made a 50-endpoint notification wait for 50
 * saves of an ever larger file, one after the other.
 */
final class OutboxUpdates {
    private static final Logger LOGGER = Logger.getLogger(OutboxUpdates.class.getName());

    private final ThreadPoolExecutor executor;
    private final CoalescingSaver<String> saver;

    OutboxUpdates() {
        // A full queue, or a pool shut down while Jenkins stops, runs the task in the caller:
        // a result is never dropped, and no future is left incomplete.
        executor = new ThreadPoolExecutor(1, 2, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(10_000), runnable -> {
            Thread thread = new Thread(runnable, "docker-build-webhooks outbox");
            thread.setDaemon(true);
            return thread;
        }, (task, pool) -> task.run());
        executor.allowCoreThreadTimeOut(true);
        saver = new CoalescingSaver<>(executor, RunRecords::save);
    }

    /**
     * Puts a delivery's result on its build's record; completes (never exceptionally) once the
     * build was saved with it, after the {@link CallbackListener}s heard of it.
     */
    CompletableFuture<Void> result(String runId, String deliveryId, DeliveryResult result) {
        boolean[] found = new boolean[1];
        return saver.submit(runId, () -> found[0] = RunRecords.apply(runId, deliveryId, result)).thenAccept(problem -> {
            problem.ifPresent(p -> LOGGER.log(Level.WARNING, "could not save the result of delivery {0}: {1}",
                    new Object[] {deliveryId, p}));
            if (found[0]) {
                RunRecords.tellListeners(runId, deliveryId);
            }
        });
    }

    /**
     * Puts {@code result} on the build through {@code updates}, or at once (saving the build)
     * before the outbox started; completes with {@code result} once the build was saved.
     */
    static CompletableFuture<DeliveryResult> record(@CheckForNull OutboxUpdates updates, String runId,
            String deliveryId, DeliveryResult result) {
        if (updates == null) {
            RunRecords.result(runId, deliveryId, result);
            return CompletableFuture.completedFuture(result);
        }
        return updates.result(runId, deliveryId, result).handle((saved, error) -> result);
    }

    /** Lets what is queued finish, for up to ten seconds. */
    void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
