package io.jenkins.plugins.dockerbuildwebhooks.delivery;

import io.jenkins.plugins.dockerbuildwebhooks.json.JsonObject;
import io.jenkins.plugins.dockerbuildwebhooks.json.JsonReader;
import io.jenkins.plugins.dockerbuildwebhooks.json.JsonWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Which owner (in Jenkins: the build) each delivery in an outbox belongs to, and which delivery a
 * redelivery repeats: one JSON line per delivery beside the {@link DeliveryJournal}, which knows
 * nothing of owners. It is what lets a delivery resumed after a restart, or a callback arriving
 * days later, find its build again.
 *
 * <p>Lines are appended before the delivery is journalled, so every journalled delivery has one; a
 * torn last line (a crash while writing it) is skipped. Holds no secret: ids and owner ids only.
 * Thread-safe.
 */
public final class OutboxIndex {
    /** One delivery's place: the owner is an opaque id (a Jenkins build's externalizable id). */
    public record Link(String deliveryId, String ownerId, String redeliveryOf, Instant created) {}

    private final Path file;
    private final Map<String, Link> links = new LinkedHashMap<>();

    private OutboxIndex(Path file) {
        this.file = file;
    }

    /** Reads (or creates) the index; unreadable lines are reported to {@code warnings} and skipped. */
    public static OutboxIndex open(Path file, Consumer<String> warnings) throws IOException {
        OutboxIndex index = new OutboxIndex(file);
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (Files.exists(file)) {
            byte[] bytes = Files.readAllBytes(file);
            int start = 0;
            int lineNo = 0;
            while (start < bytes.length) {
                int end = indexOf(bytes, (byte) '\n', start);
                lineNo++;
                if (end < 0) {
                    warnings.accept(file + ": line " + lineNo + " is incomplete; skipped");
                    break;
                }
                if (end > start) {
                    try {
                        index.put(read(JsonReader.parseObject(Arrays.copyOfRange(bytes, start, end), file + ":" + lineNo)));
                    } catch (IllegalArgumentException | java.time.DateTimeException e) {
                        warnings.accept(file + ":" + lineNo + ": unreadable line skipped: " + e.getMessage());
                    }
                }
                start = end + 1;
            }
        }
        return index;
    }

    private static Link read(JsonObject o) {
        return new Link(o.string("id"), o.string("run"), o.optString("redeliveryOf").orElse(null),
                Instant.parse(o.string("at")));
    }

    private static byte[] line(Link link) {
        byte[] json = JsonWriter.toBytes(false, w -> {
            w.startObject().field("id", link.deliveryId()).field("run", link.ownerId()).field("at", link.created().toString());
            if (link.redeliveryOf() != null) {
                w.field("redeliveryOf", link.redeliveryOf());
            }
            w.endObject();
        });
        byte[] out = Arrays.copyOf(json, json.length + 1);
        out[json.length] = '\n';
        return out;
    }

    /** Records links, forcing them to disk once. */
    public synchronized void addAll(List<Link> added) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            write(channel, added);
            channel.force(false);
        }
        added.forEach(this::put);
    }

    public synchronized Optional<Link> find(String deliveryId) {
        return Optional.ofNullable(links.get(deliveryId));
    }

    public synchronized int size() {
        return links.size();
    }

    /** Rewrites the index keeping only the links {@code keep} accepts; returns how many were dropped. */
    public synchronized int retain(Predicate<Link> keep) throws IOException {
        List<Link> kept = new ArrayList<>();
        for (Link link : links.values()) {
            if (keep.test(link)) {
                kept.add(link);
            }
        }
        int dropped = links.size() - kept.size();
        if (dropped == 0) {
            return 0;
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            write(channel, kept);
            channel.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        links.clear();
        kept.forEach(this::put);
        return dropped;
    }

    /**
     * Forgets what can no longer be wanted: links created before {@code cutoff} whose delivery has
     * finished, then the journal's finished entries that no link names any more (nothing could
     * redeliver them or take their callbacks). Unfinished deliveries always stay. Two passes, never
     * nested, so the index's and the journal's locks are never held together.
     *
     * @return how many links were dropped
     */
    public int prune(DeliveryJournal journal, Instant cutoff) throws IOException {
        java.util.Set<String> unfinished = new java.util.HashSet<>();
        journal.unfinished().forEach(e -> unfinished.add(e.id()));
        int dropped = retain(link -> !link.created().isBefore(cutoff) || unfinished.contains(link.deliveryId()));
        journal.compact(e -> !e.finished() || find(e.id()).isPresent());
        return dropped;
    }

    private static void write(FileChannel channel, List<Link> lines) throws IOException {
        for (Link link : lines) {
            ByteBuffer buffer = ByteBuffer.wrap(line(link));
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
    }

    private void put(Link link) {
        links.put(link.deliveryId(), link);
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
