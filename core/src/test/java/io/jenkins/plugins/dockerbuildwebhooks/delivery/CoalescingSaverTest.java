package io.jenkins.plugins.dockerbuildwebhooks.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Coalesced saves, driven by a hand-run executor so every interleaving is chosen by the test. */
class CoalescingSaverTest {
    /** Runs nothing until told to: the test decides when a batch starts. */
    private static final class ManualExecutor implements java.util.concurrent.Executor {
        final Queue<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runNext() {
            tasks.remove().run();
        }
    }

    /** What is saved: a list of changes per key, and the state each save wrote. */
    private static final class Store {
        final Map<String, List<Integer>> live = new ConcurrentHashMap<>();
        final List<String> saves = Collections.synchronizedList(new ArrayList<>());

        Runnable add(String key, int value) {
            return () -> live.computeIfAbsent(key, k -> Collections.synchronizedList(new ArrayList<>())).add(value);
        }

        Optional<String> save(String key) {
            saves.add(key + "=" + live.getOrDefault(key, List.of()));
            return Optional.empty();
        }
    }

    @Test
    void shouldSaveOnceForEveryChangeQueuedBeforeTheBatchStarts() {
        ManualExecutor executor = new ManualExecutor();
        Store store = new Store();
        CoalescingSaver<String> saver = new CoalescingSaver<>(executor, store::save);
        List<CompletableFuture<Optional<String>>> futures = new ArrayList<>();

        for (int i = 0; i < 50; i++) {
            futures.add(saver.submit("p#1", store.add("p#1", i)));
        }

        assertThat(executor.tasks).as("one batch for the 50 changes").hasSize(1);
        assertThat(futures).as("nothing reported before the save").noneMatch(CompletableFuture::isDone);
        executor.runNext();
        assertThat(store.saves).hasSize(1);
        assertThat(store.live.get("p#1")).hasSize(50);
        assertThat(futures).allSatisfy(f -> assertThat(f).isCompletedWithValue(Optional.empty()));
    }

    @Test
    void shouldSaveAChangeSubmittedDuringASaveInTheNextBatch() {
        ManualExecutor executor = new ManualExecutor();
        Store store = new Store();
        List<CompletableFuture<Optional<String>>> late = new ArrayList<>();
        CoalescingSaver<String>[] saver = new CoalescingSaver[1];
        saver[0] = new CoalescingSaver<>(executor, key -> {
            if (late.isEmpty()) {
                // a result arriving while the first save writes: not in it, so it waits for the next
                late.add(saver[0].submit(key, store.add(key, 2)));
            }
            return store.save(key);
        });

        CompletableFuture<Optional<String>> first = saver[0].submit("p#1", store.add("p#1", 1));
        executor.runNext();

        assertThat(first).isCompletedWithValue(Optional.empty());
        assertThat(late.get(0)).as("not done until a save that started after it").isNotDone();
        executor.runNext();
        assertThat(late.get(0)).isCompletedWithValue(Optional.empty());
        assertThat(store.saves).containsExactly("p#1=[1]", "p#1=[1, 2]");
    }

    @Test
    void shouldKeepKeysApart() {
        ManualExecutor executor = new ManualExecutor();
        Store store = new Store();
        CoalescingSaver<String> saver = new CoalescingSaver<>(executor, store::save);

        saver.submit("p#1", store.add("p#1", 1));
        saver.submit("q#7", store.add("q#7", 2));
        saver.submit("p#1", store.add("p#1", 3));
        executor.runNext();
        executor.runNext();

        assertThat(store.saves).containsExactly("p#1=[1, 3]", "q#7=[2]");
        assertThat(saver.queuedChanges()).isZero();
    }

    @Test
    void shouldReportAFailedChangeOrSaveAsAValueAndStillApplyTheOthers() {
        ManualExecutor executor = new ManualExecutor();
        Store store = new Store();
        AtomicInteger saves = new AtomicInteger();
        CoalescingSaver<String> saver = new CoalescingSaver<>(executor, key -> {
            store.save(key);
            return saves.incrementAndGet() == 1 ? Optional.empty() : Optional.of("disk full");
        });

        CompletableFuture<Optional<String>> broken = saver.submit("p#1", () -> {
            throw new IllegalStateException("no such record");
        });
        CompletableFuture<Optional<String>> fine = saver.submit("p#1", store.add("p#1", 1));
        executor.runNext();
        CompletableFuture<Optional<String>> unsaved = saver.submit("p#1", store.add("p#1", 2));
        executor.runNext();

        assertThat(broken.join()).hasValueSatisfying(m -> assertThat(m).contains("no such record"));
        assertThat(fine).isCompletedWithValue(Optional.empty());
        assertThat(unsaved).isCompletedWithValue(Optional.of("disk full"));
        assertThat(store.saves).containsExactly("p#1=[1]", "p#1=[1, 2]");
    }

    @Test
    void shouldSaveInTheCallerWhenTheExecutorRefuses() {
        Store store = new Store();
        CoalescingSaver<String> saver = new CoalescingSaver<>(task -> {
            throw new RejectedExecutionException("shut down");
        }, store::save);

        CompletableFuture<Optional<String>> saved = saver.submit("p#1", store.add("p#1", 1));

        assertThat(saved).isCompletedWithValue(Optional.empty());
        assertThat(store.saves).containsExactly("p#1=[1]");
    }

    @Test
    void shouldNeverLoseAChangeUnderConcurrentSubmitters() throws Exception {
        Store store = new Store();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        ExecutorService submitters = Executors.newFixedThreadPool(4);
        try {
            java.util.Set<Integer> onDisk = ConcurrentHashMap.newKeySet();
            CoalescingSaver<String> saver = new CoalescingSaver<>(pool, key -> {
                synchronized (store.live.get(key)) {
                    onDisk.addAll(store.live.get(key));
                }
                return store.save(key);
            });
            List<CompletableFuture<Boolean>> all = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                int n = i;
                all.add(CompletableFuture.supplyAsync(() -> saver.submit("p#1", store.add("p#1", n)), submitters)
                        .thenCompose(saved -> saved)
                        // what the future reports must already be in a save
                        .thenApply(saved -> saved.isEmpty() && onDisk.contains(n)));
            }
            for (CompletableFuture<Boolean> f : all) {
                assertThat(f.get(30, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(store.live.get("p#1")).hasSize(2000);
        } finally {
            pool.shutdownNow();
            submitters.shutdownNow();
        }
    }
}
