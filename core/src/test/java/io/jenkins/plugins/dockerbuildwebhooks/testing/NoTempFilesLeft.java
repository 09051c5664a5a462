package io.jenkins.plugins.dockerbuildwebhooks.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class that leaves files in the temporary folder. Active when the build sets
 * {@code dbw.tmpdir.guard=true}: the core and cli poms do, together with a {@code java.io.tmpdir}
 * of the build's own ({@code target/test-tmp}), so that nothing else on the machine writes there
 * and the CLI processes the tests start (given the same folder by {@code CliProcess}) count too.
 * JUnit's own {@code @TempDir} folders ({@code junit…}) are left to JUnit, which removes them after
 * this check has run. Registered for every test through {@code junit-platform.properties}
 * (extension auto-detection) and {@code META-INF/services}.
 */
public final class NoTempFilesLeft implements BeforeAllCallback, AfterAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(NoTempFilesLeft.class);

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        if (active()) {
            Files.createDirectories(tmp());
            context.getStore(NAMESPACE).put("before", entries());
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (!active()) {
            return;
        }
        @SuppressWarnings("unchecked")
        Set<String> before = context.getStore(NAMESPACE).get("before", Set.class);
        Set<String> left = entries();
        left.removeAll(before);
        left.removeIf(name -> name.startsWith("junit"));
        if (!left.isEmpty()) {
            throw new AssertionError(context.getDisplayName() + " left " + left.size() + " file(s) in " + tmp()
                    + ": " + left);
        }
    }

    private static boolean active() {
        return Boolean.getBoolean("dbw.tmpdir.guard");
    }

    private static Path tmp() {
        return Paths.get(System.getProperty("java.io.tmpdir"));
    }

    private static Set<String> entries() throws IOException {
        try (Stream<Path> list = Files.list(tmp())) {
            return list.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }
}
