package io.jenkins.plugins.dockerbuildwebhooks.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a real tool (docker, podman, …) to completion, keeping its output as the tool printed it. */
final class Tool {
    private Tool() {}

    /**
     * Runs {@code command} in {@code dir} with extra environment, stdout and stderr each into a
     * file, and fails with both when it exits non-zero.
     */
    static Output run(Path dir, String name, Map<String, String> env, List<String> command)
            throws IOException, InterruptedException {
        Path stdout = dir.resolve(name + ".stdout");
        Path stderr = dir.resolve(name + ".stderr");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within 5 minutes");
        }
        Output output = new Output(process.exitValue(), stdout, stderr);
        if (output.exitCode() != 0) {
            throw new AssertionError(String.join(" ", command) + " exited " + output.exitCode() + ":\n"
                    + output.text());
        }
        return output;
    }

    /** Whether {@code command} runs and exits 0 (for probing a daemon). */
    static boolean succeeds(Map<String, String> env, List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.environment().putAll(env);
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Where a finished tool's output went. */
    record Output(int exitCode, Path stdout, Path stderr) {
        String text() throws IOException {
            return Files.readString(stdout, StandardCharsets.UTF_8) + Files.readString(stderr, StandardCharsets.UTF_8);
        }
    }
}
