package io.jenkins.plugins.dockerbuildwebhooks.live;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A process of the live check (Jenkins, the receiver) whose output is kept and can be waited for. */
final class LiveProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private LiveProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        }, name + "-output");
        reader.setDaemon(true);
        reader.start();
    }

    static LiveProcess start(String name, Path dir, Map<String, String> env, List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        return new LiveProcess(name, process);
    }

    /** The first group of the first line matching {@code pattern}, waiting up to {@code patience}. */
    String await(Pattern pattern, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> found = lines.stream().map(pattern::matcher).filter(Matcher::find)
                    .map(m -> m.groupCount() > 0 ? m.group(1) : m.group()).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(name + " did not print " + pattern + " within " + patience.toSeconds()
                + " s; the end of its output:\n" + String.join("\n", tail(60)));
    }

    List<String> tail(int count) {
        List<String> all = List.copyOf(lines);
        return all.subList(Math.max(0, all.size() - count), all.size());
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        // Kept beside the screenshots: what Jenkins or the receiver said is what explains a failure.
        String out = System.getProperty("live.out");
        if (out != null) {
            try {
                Path dir = java.nio.file.Files.createDirectories(Path.of(out));
                java.nio.file.Files.write(dir.resolve(name + ".log"), lines(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                System.err.println("could not keep the output of " + name + ": " + e);
            }
        }
    }
}
