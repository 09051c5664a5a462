package io.jenkins.plugins.dockerbuildwebhooks.cli;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The deliveries {@code receive} keeps: at most {@code keep} records and {@code keepBytes} bytes,
 * oldest dropped first, so memory stays bounded however long it runs. {@code webhook-id}s are
 * remembered (for duplicate detection) beyond the kept records, in a bounded LRU map.
 */
final class DeliveryLog {
    /** The ids remembered for duplicate detection; far more than any --keep, still bounded. */
    static final int REMEMBERED_IDS = 100_000;

    private final int keep;
    private final long keepBytes;
    private final ArrayDeque<ReceivedDelivery> deliveries = new ArrayDeque<>();
    private final Map<String, long[]> seenIds = new LinkedHashMap<>(1024, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
            return size() > REMEMBERED_IDS;
        }
    };
    private long retainedBytes;
    private long lastSeq;
    private long lastChange;
    private long dropped;

    DeliveryLog(int keep, long keepBytes) {
        this.keep = keep;
        this.keepBytes = keepBytes;
    }

    /** The sequence number the next request gets. */
    synchronized long nextSeq() {
        return ++lastSeq;
    }

    /** How often a {@code webhook-id} has been seen, counting the request at hand. */
    record IdCount(long firstSeq, int attempt) {
        static final IdCount NONE = new IdCount(0, 0);
    }

    /**
     * Counts one more request with {@code webhookId}: {@code firstSeq} is 0 for an id not seen
     * before, else the sequence number of its first request.
     */
    synchronized IdCount countId(String webhookId, long seq) {
        long[] entry = seenIds.get(webhookId);
        if (entry == null) {
            seenIds.put(webhookId, new long[] {seq, 1});
            return new IdCount(0, 1);
        }
        entry[1]++;
        return new IdCount(entry[0], (int) Math.min(entry[1], Integer.MAX_VALUE));
    }

    synchronized long nextChange() {
        return ++lastChange;
    }

    synchronized void add(ReceivedDelivery delivery) {
        deliveries.addLast(delivery);
        retainedBytes += delivery.retainedBytes();
        while (deliveries.size() > keep || (retainedBytes > keepBytes && deliveries.size() > 1)) {
            retainedBytes -= deliveries.removeFirst().retainedBytes();
            dropped++;
        }
    }

    /** Replaces the kept record with the same sequence number; a no-op once it has been dropped. */
    synchronized void replace(ReceivedDelivery updated) {
        List<ReceivedDelivery> all = new ArrayList<>(deliveries);
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).seq() == updated.seq()) {
                all.set(i, updated);
                deliveries.clear();
                deliveries.addAll(all);
                return;
            }
        }
    }

    synchronized Optional<ReceivedDelivery> get(long seq) {
        for (ReceivedDelivery d : deliveries) {
            if (d.seq() == seq) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** Kept records written after change number {@code change}, oldest first. */
    synchronized List<ReceivedDelivery> changedAfter(long change) {
        List<ReceivedDelivery> out = new ArrayList<>();
        for (Iterator<ReceivedDelivery> it = deliveries.iterator(); it.hasNext(); ) {
            ReceivedDelivery d = it.next();
            if (d.change() > change) {
                out.add(d);
            }
        }
        return out;
    }

    synchronized long lastChange() {
        return lastChange;
    }

    synchronized long dropped() {
        return dropped;
    }

    synchronized int size() {
        return deliveries.size();
    }

    synchronized long retainedBytes() {
        return retainedBytes;
    }
}
