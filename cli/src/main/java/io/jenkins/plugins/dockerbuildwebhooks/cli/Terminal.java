package io.jenkins.plugins.dockerbuildwebhooks.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.util.function.Function;

/**
 * What a command reads from and writes to outside its options: the clock, standard output and
 * error, and the environment (where secrets come from). Injected so tests run commands in process.
 */
record Terminal(Clock clock, PrintStream out, PrintStream err, Function<String, String> env) {

    /** The real process's clock, streams and environment. */
    static Terminal system() {
        return new Terminal(Clock.systemUTC(), System.out, System.err, System::getenv);
    }
}
