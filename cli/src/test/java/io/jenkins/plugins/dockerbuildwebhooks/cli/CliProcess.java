package io.jenkins.plugins.dockerbuildwebhooks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the packaged CLI jar as a real process, the way users run it. */
final class CliProcess {
    private CliProcess() {}

    /** What a finished run printed and returned. */
    record Result(int exitCode, String stdout, String stderr) {}

    static Path jar() {
        String jar = System.getProperty("cli.jar");
        assertThat(jar).as("system property cli.jar (set by the cli pom for failsafe)").isNotNull();
        Path path = Paths.get(jar);
        assertThat(path).as("the packaged CLI jar").exists();
        return path;
    }

    static Path fixtures() {
        return Paths.get(System.getProperty("fixtures.dir", "../core/src/test/resources/fixtures/docker"));
    }

    static List<String> command(String... args) {
        return command(List.of(), args);
    }

    /** The java command line, after {@code prefix} (a command that runs it as another user, say). */
    static List<String> command(List<String> prefix, String... args) {
        // the CLI's own temporary files land where the tests' do, so leaving one fails the test class
        return command(prefix, jar(), Paths.get(System.getProperty("java.io.tmpdir")), args);
    }

    /** The same with another copy of the jar and another temporary folder (one another user can reach). */
    static List<String> command(List<String> prefix, Path jar, Path tmpdir, String... args) {
        List<String> command = new ArrayList<>(prefix);
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Djava.io.tmpdir=" + tmpdir);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        return command;
    }

    static Result run(String... args) throws IOException, InterruptedException {
        return run(null, args);
    }

    /** Runs to completion with extra environment variables (e.g. a secret for --secret-env). */
    static Result runWithEnv(java.util.Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        return run(null, env, args);
    }

    /** Runs to completion (at most two minutes) with {@code stdin} as standard input, if given. */
    static Result run(byte[] stdin, String... args) throws IOException, InterruptedException {
        return run(stdin, java.util.Map.of(), args);
    }

    private static Result run(byte[] stdin, java.util.Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        return run(stdin, env, List.of(), args);
    }

    private static Result run(byte[] stdin, java.util.Map<String, String> env, List<String> prefix, String... args)
            throws IOException, InterruptedException {
        return exec(stdin, env, command(prefix, args), args);
    }

    /** Runs a whole command line of the caller's (another user's java, another copy of the jar). */
    static Result runCommand(List<String> command) throws IOException, InterruptedException {
        return exec(null, java.util.Map.of(), command, command.toArray(String[]::new));
    }

    private static Result exec(byte[] stdin, java.util.Map<String, String> env, List<String> command, String... args)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("cli-out", ".txt");
        Path err = Files.createTempFile("cli-err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            if (stdin != null) {
                process.getOutputStream().write(stdin);
            }
            process.getOutputStream().close();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("CLI did not finish within two minutes: " + String.join(" ", args));
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
