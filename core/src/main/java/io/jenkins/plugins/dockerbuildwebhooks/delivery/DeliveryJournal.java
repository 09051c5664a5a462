package io.jenkins.plugins.dockerbuildwebhooks.delivery;

import io.jenkins.plugins.dockerbuildwebhooks.json.JsonReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The durable outbox: an append-only file that starts with a header line ({@link JournalRecords})
 * followed by JSON records, one per line. A delivery is written (and, with {@link Durability#SYNC},
 * forced to disk) before its first attempt; each attempt, a resume and the outcome are appended.
 * Each record is one {@code write} of a whole line, so a crash can only tear the last line, which
 * {@link #open} skips with a warning and cuts off before appending. Deliveries without an outcome
 * are unfinished and can be resumed with the same id.
 *
 * <p>A file that is not a journal (neither the header nor, as older versions wrote, a delivery
 * record on its first line) is refused before anything is written to it, so pointing the journal at
 * the wrong file never changes that file. The file never holds secret values, only their
 * references; a URL given with a reference ({@link Endpoint.Builder#urlRef(String)}) is stored as
 * that reference and its masked form, other URLs in full. It is readable by its owner only, also
 * when it existed before.
 */
public final class DeliveryJournal implements AutoCloseable {
    /** When records reach the disk. */
    public enum Durability {
        /** Every record is forced to disk (fsync) before the call returns (an unsynced one by {@link #sync()}); a batch is forced once. */
        SYNC,
        /** Records are written to the OS and reach the disk when it decides; survives a process crash, not a power loss. */
        OS_BUFFERED
    }

    /** What to do with a record that cannot be read (not the torn last line, which is always skipped). */
    public enum Damage {
        /** Skip it with a warning, and keep its bytes when compacting: for a long-lived outbox that must start. */
        SKIP,
        /** Refuse the file as not a journal, leaving it untouched: for a person who may have named the wrong file. */
        REFUSE
    }

    private static final java.util.Set<Path> OPEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final Path file;
    private final Path key;
    private final Durability durability;
    private final JournalEntries entries = new JournalEntries();
    /** Lines that could not be read, kept so that compacting never drops what it does not understand. */
    private final List<byte[]> unreadable = new ArrayList<>();
    private FileChannel channel;
    /** Lines written but not yet forced ({@link #appendUnsynced}). */
    private boolean unsynced;

    private DeliveryJournal(Path file, Durability durability, Path key) {
        this.file = file;
        this.key = key;
        this.durability = durability;
    }

    /**
     * Opens (or creates) the journal at {@code file}, reading what it holds; unreadable records are
     * skipped and reported to {@code warnings} ({@link Damage#SKIP}), a torn last line is cut off.
     *
     * @throws IOException naming the file when it is not a journal, cannot be read, or is in use
     */
    public static DeliveryJournal open(Path file, Durability durability, Consumer<String> warnings) throws IOException {
        return open(file, durability, warnings, Damage.SKIP);
    }

    /**
     * Opens (or creates) the journal at {@code file}. Whatever the file is, it is left byte for byte
     * as it was unless it turns out to be a journal; {@code damage} says whether an unreadable record
     * makes it not one.
     *
     * @throws IOException naming the file when it is not a journal, cannot be read, or is in use
     */
    public static DeliveryJournal open(Path file, Durability durability, Consumer<String> warnings, Damage damage)
            throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException(file + " is a directory, not a delivery journal");
        }
        boolean created = false;
        if (!Files.exists(file)) {
            JournalFiles.createPrivate(file);
            created = true;
        }
        Path key = file.toRealPath();
        // checked before any descriptor is opened: closing a second descriptor of a locked file
        // would silently drop this process's lock on it (POSIX record locks)
        if (!OPEN.add(key)) {
            throw new IOException("journal " + file + " is already open in this process");
        }
        DeliveryJournal journal = new DeliveryJournal(file, durability, key);
        try {
            FileChannel c = JournalFiles.openLocked(file);
            try {
                journal.channel = c;
                journal.load(JournalFiles.readAll(c), warnings, damage, created);
                c.position(c.size());
            } catch (IOException | RuntimeException e) {
                c.close();
                throw e;
            }
            return journal;
        } catch (IOException | RuntimeException e) {
            OPEN.remove(key);
            throw e;
        }
    }

    /**
     * Reads the journal, and only once the file is known to be one changes it: cuts a torn last
     * line, makes it private, writes the header into an empty file.
     */
    private void load(byte[] bytes, Consumer<String> warnings, Damage damage, boolean created) throws IOException {
        JournalReader.Result read = JournalReader.read(file, bytes, damage, entries);
        read.warnings().forEach(warnings);
        unreadable.addAll(read.unreadable());
        if (channel.size() > read.intact()) {
            channel.truncate(read.intact());
            channel.force(true);
        }
        if (!created) {
            JournalFiles.makePrivate(file);
        }
        if (read.intact() == 0) {
            JournalFiles.writeLine(channel, JournalRecords.header());
            channel.force(true);
        }
    }

    /** Records new deliveries before their first attempt; one disk force for the whole batch. */
    public synchronized void begin(List<Delivery> deliveries, Instant now) {
        List<byte[]> lines = new ArrayList<>(deliveries.size());
        for (Delivery d : deliveries) {
            lines.add(JournalRecords.delivery(d, now));
        }
        appendAll(lines);
        for (int i = 0; i < deliveries.size(); i++) {
            entries.apply(JsonReader.parseObject(lines.get(i), file.toString()));
        }
    }

    /** Marks a delivery as being sent again (a resume or a manual redelivery). */
    public synchronized void resume(String id, Instant now) {
        append(JournalRecords.resume(id, now));
        requireEntry(id).reopen();
    }

    public synchronized void attempt(String id, Attempt a) {
        append(JournalRecords.attempt(id, a));
        requireEntry(id).addAttempt(a);
    }

    public synchronized void finish(DeliveryResult r) {
        append(JournalRecords.outcome(r.deliveryId(), r.outcome(), r.status(), r.message()));
        requireEntry(r.deliveryId()).finish(r.outcome(), r.status(), r.message());
    }

    /**
     * {@link #attempt}, leaving the force to {@link #sync()} (group commit): for a caller that
     * tells no one of the attempt before it called {@code sync()}, so that one fsync covers every
     * record written meanwhile. The line reaches the OS at once, in order; only the force waits.
     */
    public synchronized void attemptUnsynced(String id, Attempt a) {
        writeUnsynced(JournalRecords.attempt(id, a));
        requireEntry(id).addAttempt(a);
    }

    /** {@link #finish}, leaving the force to {@link #sync()}, as {@link #attemptUnsynced} does. */
    public synchronized void finishUnsynced(DeliveryResult r) {
        writeUnsynced(JournalRecords.outcome(r.deliveryId(), r.outcome(), r.status(), r.message()));
        requireEntry(r.deliveryId()).finish(r.outcome(), r.status(), r.message());
    }

    private void writeUnsynced(byte[] line) {
        writeAll(List.of(line));
        unsynced = true;
    }

    /** Forces the unsynced records written since the last force (with {@link Durability#SYNC}). */
    public synchronized void sync() {
        if (!unsynced) {
            return;
        }
        try {
            if (durability == Durability.SYNC) {
                channel.force(false);
            }
            unsynced = false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot force journal " + file + ": " + e.getMessage(), e);
        }
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
     * returns how many were dropped. Lines that could not be read are kept as they were. The new
     * file is written beside the old one, forced, and moved over it atomically, so a crash leaves
     * either the old or the new journal.
     */
    public synchronized int compact(Predicate<JournalEntry> keep) throws IOException {
        int[] dropped = new int[1];
        FileChannel out = JournalFiles.replaceLocked(file, c -> {
            JournalFiles.writeLine(c, JournalRecords.header());
            for (JournalEntry e : entries.values()) {
                if (!keep.test(e)) {
                    dropped[0]++;
                    continue;
                }
                for (byte[] line : JournalRecords.of(e)) {
                    JournalFiles.writeLine(c, line);
                }
            }
            for (byte[] line : unreadable) {
                JournalFiles.writeLine(c, line);
            }
        });
        channel.close();
        channel = out;
        // the new file holds every record, forced
        unsynced = false;
        entries.values().removeIf(e -> !keep.test(e));
        return dropped[0];
    }

    /**
     * Drops the deliveries that can never be wanted again: the delivered ones. Failed, blocked and
     * gone deliveries stay, so they can still be repeated by id; unfinished ones stay to be resumed.
     */
    public int compact() throws IOException {
        return compact(e -> !e.outcome().success());
    }

    private void append(byte[] line) {
        appendAll(List.of(line));
    }

    private void appendAll(List<byte[]> lines) {
        writeAll(lines);
        // forces the unsynced lines written before these too
        unsynced = true;
        sync();
    }

    private void writeAll(List<byte[]> lines) {
        try {
            for (byte[] line : lines) {
                JournalFiles.writeLine(channel, line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write journal " + file + ": " + e.getMessage(), e);
        }
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
