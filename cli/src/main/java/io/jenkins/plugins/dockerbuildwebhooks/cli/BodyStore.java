package io.jenkins.plugins.dockerbuildwebhooks.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Stores each received body byte for byte under {@code --dir}. File names are made here from the
 * receiver's start time and the sequence number, never from anything the sender chose, so a
 * request cannot pick where its bytes land; existing files are never overwritten.
 */
final class BodyStore {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path dir;
    private final String prefix;

    BodyStore(Path dir, Instant started) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.prefix = "delivery-" + STAMP.format(started) + "-";
    }

    /** Writes the body and returns the file name (relative to the directory). */
    String store(long seq, byte[] body) throws IOException {
        String name = prefix + String.format("%06d", seq) + ".body";
        Files.write(dir.resolve(name), body, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return name;
    }
}
