package io.jenkins.plugins.dockerbuildwebhooks.delivery;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** The file-system side of a {@link DeliveryJournal}: private files, the writer's lock, forced renames. */
final class JournalFiles {
    private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rw-------");

    private JournalFiles() {}

    /**
     * Opens the file for reading and writing and takes an exclusive lock on it, so two processes
     * (a running {@code send} and a {@code redeliver}) cannot both send the same deliveries. The
     * operating system drops the lock when the process dies, so a crash never leaves it locked.
     * Only one writer exists while the lock is held, so writing at the end is appending.
     * Opening and locking change nothing in the file.
     */
    static FileChannel openLocked(Path file) throws IOException {
        if (!Files.isReadable(file) || !Files.isWritable(file)) {
            throw new IOException(file + " cannot be " + (Files.isReadable(file) ? "written" : "read")
                    + " (permission denied)");
        }
        FileChannel c = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        if (c.tryLock() == null) {
            c.close();
            throw new IOException("journal " + file + " is in use by another process");
        }
        return c;
    }

    static byte[] readAll(FileChannel c) throws IOException {
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

    static void createPrivate(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PRIVATE));
        } else {
            Files.createFile(file);
        }
    }

    static void makePrivate(Path file) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                && !Files.getPosixFilePermissions(file).equals(PRIVATE)) {
            Files.setPosixFilePermissions(file, PRIVATE);
        }
    }

    static void forceDirectory(Path dir) {
        if (dir == null) {
            return;
        }
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // some platforms cannot open directories; the rename itself is still atomic
        }
    }

    /** What {@link #replaceLocked} writes into the new file. */
    interface Contents {
        void writeTo(FileChannel out) throws IOException;
    }

    /**
     * Writes a new private file beside {@code file}, forces it and moves it over {@code file}
     * atomically, so a crash leaves either the old or the new file; returns the new file's channel,
     * positioned at its end. The new file is locked before it replaces the old one, so the journal
     * is never unlocked.
     */
    static FileChannel replaceLocked(Path file, Contents contents) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".compact");
        Files.deleteIfExists(tmp);
        createPrivate(tmp);
        FileChannel out = openLocked(tmp);
        try {
            contents.writeTo(out);
            out.force(true);
            out.position(out.size());
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            out.close();
            Files.deleteIfExists(tmp);
            throw e;
        }
        forceDirectory(file.toAbsolutePath().getParent());
        return out;
    }

    /** Writes one record and its line end with one {@code write} where the OS allows, so a crash tears at most the last line. */
    static void writeLine(FileChannel c, byte[] line) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(line.length + 1);
        buf.put(line).put((byte) '\n').flip();
        while (buf.hasRemaining()) {
            c.write(buf);
        }
    }
}
