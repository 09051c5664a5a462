package io.jenkins.plugins.dockerbuildwebhooks.delivery;

import io.jenkins.plugins.dockerbuildwebhooks.json.JsonObject;
import io.jenkins.plugins.dockerbuildwebhooks.json.JsonReader;
import io.jenkins.plugins.dockerbuildwebhooks.json.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The durable outbox: an append-only file of JSON records, one per line. A delivery is written
 * (and, with {@link Durability#SYNC}, forced to disk) before its first attempt; each attempt, a
 * resume and the outcome are appended. Each record is one {@code write} of a whole line, so a crash
 * can only tear the last line, which {@link #open} skips with a warning and cuts off before
 * appending. Deliveries without an outcome are unfinished and can be resumed with the same id.
 *
 * <p>The file never holds secret values, only their references; a URL given with a reference
 * ({@link Endpoint.Builder#urlRef(String)}) is stored as that reference and its masked form, other
 * URLs in full. It is created readable by its owner only.
 */
public final class DeliveryJournal implements AutoCloseable {
    /** When records reach the disk. */
    public enum Durability {
        /** Every record is forced to disk (fsync) before the call returns; a batch of new deliveries is forced once. */
        SYNC,
        /** Records are written to the OS and reach the disk when it decides; survives a process crash, not a power loss. */
        OS_BUFFERED
    }

    private static final byte NEWLINE = '\n';

    private static final java.util.Set<Path> OPEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final Path file;
    private final Path key;
    private final Durability durability;
    private final Map<String, JournalEntry> entries = new LinkedHashMap<>();
    private final Map<String, JsonObject> endpointRecords = new java.util.HashMap<>();
    private FileChannel channel;

    private DeliveryJournal(Path file, Durability durability, Path key) {
        this.file = file;
        this.key = key;
        this.durability = durability;
    }

    /**
     * Opens (or creates) the journal at {@code file}, reading what it holds. Unreadable lines are
     * skipped and reported to {@code warnings}; a torn last line is cut off.
     */
    public static DeliveryJournal open(Path file, Durability durability, Consumer<String> warnings) throws IOException {
        if (!Files.exists(file)) {
            createPrivate(file);
        }
        Path key = file.toRealPath();
        // checked before any descriptor is opened: closing a second descriptor of a locked file
        // would silently drop this process's lock on it (POSIX record locks)
        if (!OPEN.add(key)) {
            throw new IOException("journal " + file + " is already open in this process");
        }
        DeliveryJournal journal = new DeliveryJournal(file, durability, key);
        try {
            FileChannel c = openLocked(file);
            try {
                long keep = journal.load(readAll(c), warnings);
                if (c.size() > keep) {
                    c.truncate(keep);
                    c.force(true);
                }
                c.position(c.size());
            } catch (IOException | RuntimeException e) {
                c.close();
                throw e;
            }
            journal.channel = c;
            return journal;
        } catch (IOException | RuntimeException e) {
            OPEN.remove(key);
            throw e;
        }
    }

    /**
     * Opens the file for reading and writing and takes an exclusive lock on it, so two processes
     * (a running {@code send} and a {@code redeliver}) cannot both send the same deliveries. The
     * operating system drops the lock when the process dies, so a crash never leaves it locked.
     * Only one writer exists while the lock is held, so writing at the end is appending.
     */
    private static FileChannel openLocked(Path file) throws IOException {
        FileChannel c = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        if (c.tryLock() == null) {
            c.close();
            throw new IOException("journal " + file + " is in use by another process");
        }
        return c;
    }

    private static byte[] readAll(FileChannel c) throws IOException {
        long size = c.size();
        if (size > Integer.MAX_VALUE - 16) {
            throw new IOException("journal larger than 2 GiB: compact it");
        }
        ByteBuffer buf = ByteBuffer.allocate((int) size);
        long pos = 0;
        while (buf.hasRemaining()) {
            int n = c.read(buf, pos);
            if (n < 0) {
                break;
            }
            pos += n;
        }
        return buf.array();
    }

    private static void createPrivate(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
    }

    /** Reads records; returns the length of the intact prefix (everything up to the last newline). */
    private long load(byte[] bytes, Consumer<String> warnings) {
        int start = 0;
        int lineNo = 0;
        while (start < bytes.length) {
            int end = indexOf(bytes, NEWLINE, start);
            lineNo++;
            if (end < 0) {
                warnings.accept(file + ": line " + lineNo + " is incomplete (the writer stopped mid-record); skipped");
                return start;
            }
            if (end > start) {
                String source = file + ":" + lineNo;
                try {
                    apply(JsonReader.parseObject(Arrays.copyOfRange(bytes, start, end), source));
                } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
                    warnings.accept(source + ": unreadable record skipped: " + e.getMessage());
                }
            }
            start = end + 1;
        }
        return bytes.length;
    }

    private void apply(JsonObject r) {
        String id = r.string("id");
        String type = r.string("type");
        if (type.equals("delivery")) {
            Map<String, String> headers = new LinkedHashMap<>();
            r.optObject("headers").ifPresent(h -> h.keys().forEach(k -> headers.put(k, h.string(k))));
            byte[] body = Base64.getDecoder().decode(r.string("body"));
            JournalEntry previous = entries.remove(id);
            JournalEntry entry = new JournalEntry(id, r.optString("at").orElse(""), shared(r.object("endpoint")), body,
                    headers);
            if (previous != null) {
                previous.attempts().forEach(entry::addAttempt);
            }
            entries.put(id, entry);
            return;
        }
        JournalEntry entry = entries.get(id);
        if (entry == null) {
            throw new IllegalArgumentException("record for unknown delivery " + id);
        }
        switch (type) {
            case "attempt" -> entry.addAttempt(new Attempt(r.optLong("n").orElse(0L).intValue(),
                    Instant.parse(r.string("at")), r.optLong("status").orElse(0L).intValue(),
                    r.optString("error").orElse(null), Duration.ofMillis(r.optLong("latencyMs").orElse(0L)),
                    r.optString("excerpt").orElse("")));
            case "resume" -> entry.reopen();
            case "outcome" -> entry.finish(Outcome.valueOf(r.string("outcome")),
                    r.optLong("status").orElse(0L).intValue(), r.optString("message").orElse(""));
            default -> throw new IllegalArgumentException("unknown record type '" + type + "'");
        }
    }

    /**
     * One instance per distinct endpoint record: thousands of deliveries to a few endpoints then
     * hold a few endpoint records, not thousands of copies.
     */
    private JsonObject shared(JsonObject endpoint) {
        StringBuilder key = new StringBuilder();
        for (String k : endpoint.keys()) {
            key.append(k).append('=').append(endpoint.raw(k)).append('\n');
        }
        return endpointRecords.computeIfAbsent(key.toString(), k -> endpoint);
    }

    /** Records new deliveries before their first attempt; one disk force for the whole batch. */
    public synchronized void begin(List<Delivery> deliveries, Instant now) {
        List<byte[]> lines = new ArrayList<>(deliveries.size());
        for (Delivery d : deliveries) {
            lines.add(JsonWriter.toBytes(false, w -> {
                w.startObject();
                w.field("type", "delivery");
                w.field("id", d.id());
                w.field("at", now.toString());
                w.name("endpoint");
                EndpointCodec.write(w, d.endpoint());
                if (!d.headers().isEmpty()) {
                    w.name("headers").startObject();
                    d.headers().forEach(w::field);
                    w.endObject();
                }
                w.field("body", Base64.getEncoder().encodeToString(d.bodyUnsafe()));
                w.endObject();
            }));
        }
        appendAll(lines);
        for (int i = 0; i < deliveries.size(); i++) {
            apply(JsonReader.parseObject(lines.get(i), file.toString()));
        }
    }

    /** Marks a delivery as being sent again (a resume or a manual redelivery). */
    public synchronized void resume(String id, Instant now) {
        append(JsonWriter.toBytes(false, w -> w.startObject().field("type", "resume").field("id", id)
                .field("at", now.toString()).endObject()));
        requireEntry(id).reopen();
    }

    public synchronized void attempt(String id, Attempt a) {
        append(JsonWriter.toBytes(false, w -> {
            w.startObject().field("type", "attempt").field("id", id).field("n", a.number())
                    .field("at", a.startedAt().toString()).field("status", a.status());
            if (a.error() != null) {
                w.field("error", a.error());
            }
            w.field("latencyMs", a.latency().toMillis()).field("excerpt", a.excerpt()).endObject();
        }));
        requireEntry(id).addAttempt(a);
    }

    public synchronized void finish(DeliveryResult r) {
        append(JsonWriter.toBytes(false, w -> w.startObject().field("type", "outcome").field("id", r.deliveryId())
                .field("outcome", r.outcome().name()).field("status", r.status()).field("message", r.message())
                .endObject()));
        requireEntry(r.deliveryId()).finish(r.outcome(), r.status(), r.message());
    }

    private JournalEntry requireEntry(String id) {
        JournalEntry e = entries.get(id);
        if (e == null) {
            throw new IllegalArgumentException(file + ": no delivery with id " + id);
        }
        return e;
    }

    /** Every delivery, in the order they were first recorded. */
    public synchronized List<JournalEntry> entries() {
        return List.copyOf(entries.values());
    }

    /** Deliveries that have no outcome yet. */
    public synchronized List<JournalEntry> unfinished() {
        return entries.values().stream().filter(e -> !e.finished()).toList();
    }

    public synchronized Optional<JournalEntry> entry(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    public Path file() {
        return file;
    }

    /**
     * Rewrites the file keeping only the deliveries {@code keep} accepts (with their history), and
     * returns how many were dropped. The new file is written beside the old one, forced, and moved
     * over it atomically, so a crash leaves either the old or the new journal.
     */
    public synchronized int compact(Predicate<JournalEntry> keep) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".compact");
        Files.deleteIfExists(tmp);
        createPrivate(tmp);
        int dropped = 0;
        // the new file is locked before it replaces the old one, so the journal is never unlocked
        FileChannel out = openLocked(tmp);
        try {
            for (JournalEntry e : entries.values()) {
                if (!keep.test(e)) {
                    dropped++;
                    continue;
                }
                for (byte[] line : recordsOf(e)) {
                    write(out, line);
                }
            }
            out.force(true);
            out.position(out.size());
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            out.close();
            Files.deleteIfExists(tmp);
            throw e;
        }
        forceDirectory(file.toAbsolutePath().getParent());
        channel.close();
        channel = out;
        entries.values().removeIf(e -> !keep.test(e));
        return dropped;
    }

    /** Drops every finished delivery. */
    public int compact() throws IOException {
        return compact(e -> !e.finished());
    }

    private static List<byte[]> recordsOf(JournalEntry e) {
        List<byte[]> lines = new ArrayList<>();
        lines.add(JsonWriter.toBytes(false, w -> {
            w.startObject().field("type", "delivery").field("id", e.id()).field("at", e.createdAt());
            w.name("endpoint");
            writeObject(w, e.endpointRecord());
            if (!e.headers().isEmpty()) {
                w.name("headers").startObject();
                e.headers().forEach(w::field);
                w.endObject();
            }
            w.field("body", Base64.getEncoder().encodeToString(e.bodyUnsafe()));
            w.endObject();
        }));
        for (Attempt a : e.attempts()) {
            lines.add(JsonWriter.toBytes(false, w -> {
                w.startObject().field("type", "attempt").field("id", e.id()).field("n", a.number())
                        .field("at", a.startedAt().toString()).field("status", a.status());
                if (a.error() != null) {
                    w.field("error", a.error());
                }
                w.field("latencyMs", a.latency().toMillis()).field("excerpt", a.excerpt()).endObject();
            }));
        }
        if (e.finished()) {
            lines.add(JsonWriter.toBytes(false, w -> w.startObject().field("type", "outcome").field("id", e.id())
                    .field("outcome", e.outcome().name()).field("status", e.status()).field("message", e.message())
                    .endObject()));
        }
        return lines;
    }

    /** Copies a parsed endpoint record back out (strings, numbers and one level of string maps). */
    private static void writeObject(JsonWriter w, JsonObject o) {
        w.startObject();
        for (String k : o.keys()) {
            Object v = o.raw(k);
            if (v instanceof String s) {
                w.field(k, s);
            } else if (v instanceof Number n) {
                w.name(k).rawNumber(n.toString());
            } else if (v instanceof Boolean b) {
                w.field(k, b);
            } else if (v instanceof Map<?, ?>) {
                w.name(k);
                writeObject(w, o.object(k));
            }
        }
        w.endObject();
    }

    private static void forceDirectory(Path dir) {
        if (dir == null) {
            return;
        }
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // some platforms cannot open directories; the rename itself is still atomic
        }
    }

    private void append(byte[] line) {
        appendAll(List.of(line));
    }

    private void appendAll(List<byte[]> lines) {
        try {
            for (byte[] line : lines) {
                write(channel, line);
            }
            if (durability == Durability.SYNC) {
                channel.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write journal " + file + ": " + e.getMessage(), e);
        }
    }

    private static void write(FileChannel c, byte[] line) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(line.length + 1);
        buf.put(line).put(NEWLINE).flip();
        while (buf.hasRemaining()) {
            c.write(buf);
        }
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            channel.close();
        } finally {
            OPEN.remove(key);
        }
    }
}
