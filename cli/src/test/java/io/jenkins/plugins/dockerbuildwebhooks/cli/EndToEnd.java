package io.jenkins.plugins.dockerbuildwebhooks.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Assumptions;

/**
 * Rules for tests that need real tools (a Docker engine, a registry, receivers, a browser): with
 * {@code CI} set a missing tool fails the test, on a developer machine it skips it with a message
 * that says how to run it.
 */
final class EndToEnd {
    static final String HOW_TO_RUN = "run them as CI does, as root on Debian 12: `CI=true bash .ci/run` "
            + "(installs the packages, starts dockerd and a registry, runs `mvn -B verify`); see docs/testing.md";

    private EndToEnd() {}

    static boolean inCi() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isEmpty() && !"false".equalsIgnoreCase(ci);
    }

    /** Skips (developer machine) or fails (CI) unless {@code present}. */
    static void require(boolean present, String missing) {
        if (present) {
            return;
        }
        String message = missing + "; " + HOW_TO_RUN;
        if (inCi()) {
            fail("CI is set, so this end-to-end test must run, but: " + message);
        }
        Assumptions.abort("skipped: " + message);
    }

    /** An executable that must exist for the test to run. */
    static Path executable(String path, String debianPackage) {
        Path p = Paths.get(path);
        require(Files.isExecutable(p), path + " is missing (Debian package " + debianPackage + ")");
        return p;
    }

    /** An environment variable .ci/services.sh exports. */
    static String env(String name, String meaning) {
        String value = System.getenv(name);
        require(value != null && !value.isEmpty(), "environment variable " + name + " (" + meaning
                + ") is not set; .ci/services.sh exports it after starting the service");
        return value;
    }
}
