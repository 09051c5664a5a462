package io.jenkins.plugins.dockerbuildwebhooks.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Folders that end-to-end tests need under /tmp rather than in target/test-tmp (a short path for
 * podman's runroot, a path another user can reach); each test removes its own, since the
 * temporary-file guard watches target/test-tmp only.
 */
final class TmpFolders {
    private TmpFolders() {}

    static Path create(String prefix) throws IOException {
        return Files.createTempDirectory(Paths.get("/tmp"), prefix);
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
