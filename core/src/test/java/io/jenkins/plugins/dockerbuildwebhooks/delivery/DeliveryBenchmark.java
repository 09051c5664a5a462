package io.jenkins.plugins.dockerbuildwebhooks.delivery;

import io.jenkins.plugins.dockerbuildwebhooks.testservers.DelayedReceivers;
import io.jenkins.plugins.dockerbuildwebhooks.testservers.WebhookReceiver;
import io.jenkins.plugins.dockerbuildwebhooks.testservers.WebhookReceiver.Reply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * In-process delivery benchmarks, run by scripts/bench-delivery.sh (never by the test suite):
 * fan-out overhead, deliveries per second, and memory with a large journal. Prints Markdown rows.
 */
public final class DeliveryBenchmark {
    private static final byte[] BODY = ("{\"callback_url\":\"\",\"push_data\":{\"pushed_at\":1764302400,\"images\":[],"
            + "\"tag\":\"1.0\",\"pusher\":\"ci\"},\"repository\":{\"repo_name\":\"localhost:5000/demo/app\"}}")
            .getBytes(StandardCharsets.UTF_8);

    private DeliveryBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("memory")) {
            memory(10_000, Files.createTempDirectory("dbw-bench").resolve("memory.jsonl"));
            return;
        }
        fanOut(100, 1000, 20);
        if (args.length > 0 && args[0].equals("fan-out")) {
            return;
        }
        throughput(10_000, null);
        Path dir = Files.createTempDirectory("dbw-bench");
        throughput(2_000, DeliveryJournal.open(dir.resolve("sync.jsonl"), DeliveryJournal.Durability.SYNC, w -> { }));
        throughput(10_000, DeliveryJournal.open(dir.resolve("buffered.jsonl"), DeliveryJournal.Durability.OS_BUFFERED, w -> { }));
        memory(10_000, dir.resolve("memory.jsonl"));
    }

    /** N endpoints that each answer after delayMs: wall time of one fan-out minus the delay. */
    static void fanOut(int endpoints, long delayMs, int rounds) throws Exception {
        try (DelayedReceivers receivers = new DelayedReceivers(endpoints, delayMs);
                Dispatcher d = Dispatcher.builder().build()) {
            List<Endpoint> targets = receivers.urls().stream().map(u -> Endpoint.builder(u.toString()).build()).toList();
            long[] overhead = new long[rounds];
            long[] lastArrival = new long[rounds];
            for (int round = -1; round < rounds; round++) {
                List<Delivery> batch = targets.stream().map(e -> Delivery.create(e, BODY)).toList();
                receivers.takeArrivals();
                long t0 = System.nanoTime();
                List<DeliveryResult> results = d.deliverAll(batch);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                if (!results.stream().allMatch(DeliveryResult::success)) {
                    throw new IllegalStateException("a delivery failed: " + results);
                }
                if (round >= 0) {
                    overhead[round] = ms - delayMs;
                    lastArrival[round] = (receivers.takeArrivals().stream().mapToLong(Long::longValue).max().orElseThrow()
                            - t0) / 1_000_000;
                }
            }
            Arrays.sort(overhead);
            Arrays.sort(lastArrival);
            System.out.printf("| fan-out to %d endpoints answering after %d ms | wall − %d ms: min %d ms, median %d ms, max %d ms; "
                    + "last request arrived after: min %d ms, median %d ms (%d rounds after 1 warm-up) |%n",
                    endpoints, delayMs, delayMs, overhead[0], overhead[rounds / 2], overhead[rounds - 1],
                    lastArrival[0], lastArrival[rounds / 2], rounds);
        }
    }

    static void throughput(int count, DeliveryJournal journal) throws Exception {
        try (WebhookReceiver r = WebhookReceiver.start();
                Dispatcher d = Dispatcher.builder().maxInFlight(64).journal(journal).build()) {
            Endpoint e = Endpoint.builder(r.url("/fast").toString()).maxInFlight(64).build();
            d.deliverAll(List.of(Delivery.create(e, BODY), Delivery.create(e, BODY)));
            List<Delivery> batch = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                batch.add(Delivery.create(e, BODY));
            }
            long t0 = System.nanoTime();
            List<DeliveryResult> results = d.deliverAll(batch);
            double s = (System.nanoTime() - t0) / 1e9;
            long ok = results.stream().filter(DeliveryResult::success).count();
            String mode = journal == null ? "no journal" : "journal " + journal.file().getFileName();
            System.out.printf("| %d deliveries to one fast local receiver, %s | %.0f deliveries/s (%d ok, %.2f s) |%n",
                    count, mode, count / s, ok, s);
        } finally {
            if (journal != null) {
                journal.close();
            }
        }
    }

    /** Heap held by a dispatcher and journal after 10,000 journalled deliveries. */
    static void memory(int count, Path file) throws Exception {
        Runtime rt = Runtime.getRuntime();
        gc();
        long before = rt.totalMemory() - rt.freeMemory();
        try (WebhookReceiver r = WebhookReceiver.start();
                DeliveryJournal journal = DeliveryJournal.open(file, DeliveryJournal.Durability.OS_BUFFERED, w -> { });
                Dispatcher d = Dispatcher.builder().maxInFlight(64).journal(journal).build()) {
            Endpoint e = Endpoint.builder(r.url("/fast").toString()).maxInFlight(64).build();
            List<Delivery> batch = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                batch.add(Delivery.create(e, BODY));
            }
            List<DeliveryResult> results = d.deliverAll(batch);
            gc();
            long after = rt.totalMemory() - rt.freeMemory();
            System.out.printf("| %d journalled deliveries (%d-byte bodies), results and journal index held | heap growth %.1f MiB, journal file %.1f MiB |%n",
                    results.size(), BODY.length, (after - before) / 1048576.0, Files.size(file) / 1048576.0);
        }
        long t0 = System.nanoTime();
        try (DeliveryJournal reopened = DeliveryJournal.open(file, DeliveryJournal.Durability.OS_BUFFERED, w -> { })) {
            long ms = (System.nanoTime() - t0) / 1_000_000;
            gc();
            long after = rt.totalMemory() - rt.freeMemory();
            System.out.printf("| reopening that journal (%d entries) | %d ms, heap %.1f MiB above the benchmark's start |%n",
                    reopened.entries().size(), ms, (after - before) / 1048576.0);
        }
    }

    private static void gc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
    }
}
