package io.jenkins.plugins.dockerbuildwebhooks.delivery;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A {@link Dispatcher}'s group commit: attempts and outcomes are written to the journal as they
 * happen but forced to disk once for all those that came in together, and a result is reported
 * (its future completed) only after the force that covers it. Without it, every answer costs two
 * fsyncs on the single control thread, one after the other: the 50 answers of one fan-out cost
 * 40–65 ms of forcing there (docs/performance.md). Crash safety is unchanged: nothing is reported
 * before its record is on disk, and a delivery is journalled (forced) before its first attempt.
 *
 * <p>Touched on the control thread only; the force runs there as a task queued behind the
 * answers already waiting, so it covers all of them.
 */
final class GroupCommit {
    private final DeliveryJournal journal;
    private final Consumer<Runnable> control;
    private final List<Consumer<Optional<RuntimeException>>> waiting = new ArrayList<>();
    private boolean scheduled;

    /**
     * @param journal the journal, or null for none (reports then run at once)
     * @param control runs a task on the control thread, after those already queued
     */
    GroupCommit(DeliveryJournal journal, Consumer<Runnable> control) {
        this.journal = journal;
        this.control = control;
    }

    /** Something was written unsynced: force it soon, even if nothing waits for it. */
    void written() {
        if (journal != null && !scheduled) {
            scheduled = true;
            control.accept(this::sync);
        }
    }

    /** Runs {@code report} once what was written so far is on disk, with the error if forcing failed. */
    void afterSync(Consumer<Optional<RuntimeException>> report) {
        if (journal == null) {
            report.accept(Optional.empty());
            return;
        }
        waiting.add(report);
        written();
    }

    private void sync() {
        scheduled = false;
        Optional<RuntimeException> failure = Optional.empty();
        try {
            journal.sync();
        } catch (UncheckedIOException | IllegalStateException e) {
            failure = Optional.of(e);
        }
        List<Consumer<Optional<RuntimeException>>> now = List.copyOf(waiting);
        waiting.clear();
        for (Consumer<Optional<RuntimeException>> report : now) {
            report.accept(failure);
        }
    }
}
