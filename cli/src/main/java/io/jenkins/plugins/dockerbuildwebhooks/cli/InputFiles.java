package io.jenkins.plugins.dockerbuildwebhooks.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks the files given to options before any work starts, so a missing file, a directory or an
 * unreadable file is reported as "{@code --option FILE: what is wrong}" (exit 2) and not as
 * whatever the I/O layer says halfway through ("Is a directory").
 */
final class InputFiles {
    private InputFiles() {}

    /** A file that must exist and be readable. */
    static void requireReadable(String option, Path file) {
        if (Files.notExists(file)) {
            throw new UsageException(option + " " + file + ": no such file");
        }
        requireFolderOpen(option, file);
        requireUsable(option, file);
    }

    /** Neither there nor missing: a folder on its path cannot be entered, which is not the same as absent. */
    private static void requireFolderOpen(String option, Path file) {
        if (!Files.exists(file)) {
            throw new UsageException(option + " " + file
                    + ": cannot be read (permission denied: a folder on its path cannot be entered)");
        }
    }

    /** A file that may not exist yet (it will be created), but if it does must be a readable, writable file. */
    static void requireWritableIfPresent(String option, Path file) {
        if (!Files.notExists(file)) {
            requireFolderOpen(option, file);
            requireUsable(option, file);
            if (!Files.isWritable(file)) {
                throw new UsageException(option + " " + file + ": cannot be written (permission denied)");
            }
        }
    }

    /** Named pipes pass: shells make them for {@code --log <(command)}. */
    private static void requireUsable(String option, Path file) {
        if (Files.isDirectory(file)) {
            throw new UsageException(option + " " + file + ": is a directory, not a file");
        }
        if (!Files.isReadable(file)) {
            throw new UsageException(option + " " + file + ": cannot be read (permission denied)");
        }
    }
}
