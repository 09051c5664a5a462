package io.jenkins.plugins.dockerbuildwebhooks.delivery;

import io.jenkins.plugins.dockerbuildwebhooks.json.JsonObject;
import io.jenkins.plugins.dockerbuildwebhooks.json.JsonReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the bytes of a journal file into {@link JournalEntries}, deciding first whether they are a
 * journal at all. Pure: it never touches the file, so a file it refuses stays as it was.
 */
final class JournalReader {
    private static final byte NEWLINE = '\n';

    /**
     * What was read.
     *
     * @param intact length of the intact prefix: everything up to the last newline (0 for a new journal)
     * @param unreadable lines skipped under {@link DeliveryJournal.Damage#SKIP}, kept for compaction
     * @param warnings what to tell about skipped lines
     */
    record Result(long intact, List<byte[]> unreadable, List<String> warnings) {}

    private JournalReader() {}

    /** Reads {@code bytes}, the content of {@code file}, into {@code into}. */
    static Result read(Path file, byte[] bytes, DeliveryJournal.Damage damage, JournalEntries into) throws IOException {
        int firstEnd = indexOf(bytes, 0);
        if (bytes.length == 0 || firstEnd < 0 && JournalRecords.isTornHeader(bytes)) {
            // a new journal, or one whose writer died while writing the header
            return new Result(0, List.of(), List.of());
        }
        requireJournal(file, bytes, firstEnd);
        List<byte[]> unreadable = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        int start = 0;
        int lineNo = 0;
        while (start < bytes.length) {
            int end = indexOf(bytes, start);
            lineNo++;
            if (end < 0) {
                warnings.add(file + ": line " + lineNo + " is incomplete (the writer stopped mid-record); skipped");
                return new Result(start, unreadable, warnings);
            }
            if (end > start) {
                String source = file + ":" + lineNo;
                byte[] line = Arrays.copyOfRange(bytes, start, end);
                try {
                    into.apply(JsonReader.parseObject(line, source));
                } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
                    if (damage == DeliveryJournal.Damage.REFUSE) {
                        throw notAJournal(file, "line " + lineNo + " is not a journal record: " + e.getMessage());
                    }
                    unreadable.add(line);
                    warnings.add(source + ": unreadable record skipped: " + e.getMessage());
                }
            }
            start = end + 1;
        }
        return new Result(bytes.length, unreadable, warnings);
    }

    /** Refuses a file whose first line is neither the header nor (an older version's journal) a delivery record. */
    private static void requireJournal(Path file, byte[] bytes, int firstEnd) throws IOException {
        if (firstEnd < 0) {
            throw notAJournal(file, "it has no complete line");
        }
        JsonObject first;
        try {
            first = JsonReader.parseObject(Arrays.copyOfRange(bytes, 0, firstEnd), file + ":1");
        } catch (IllegalArgumentException e) {
            throw notAJournal(file, "line 1 is not a journal record");
        }
        if (JournalRecords.isHeader(first)) {
            long version = first.optLong("version").orElse(0L);
            if (version > JournalRecords.VERSION) {
                throw new IOException(file + " is a delivery journal of a newer version (" + version
                        + ") than this one reads (" + JournalRecords.VERSION + "); left as it is");
            }
            return;
        }
        if (!"delivery".equals(first.optString("type").orElse(null)) || !first.has("id") || !first.has("body")) {
            throw notAJournal(file, "line 1 is neither a journal header nor a delivery record");
        }
    }

    private static IOException notAJournal(Path file, String why) {
        return new IOException(file + " is not a delivery journal (" + why + "); left as it is");
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == NEWLINE) {
                return i;
            }
        }
        return -1;
    }
}
