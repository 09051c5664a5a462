package io.jenkins.plugins.dockerbuildwebhooks.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code receive} from the packaged jar, running as a real process on a free loopback port. */
final class ReceiverProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+/)");

    private final Process process;
    private final List<String> lines;
    private final String url;

    private ReceiverProcess(Process process, List<String> lines, String url) {
        this.process = process;
        this.lines = lines;
        this.url = url;
    }

    /** Starts {@code receive --port 0 ARGS} with extra environment variables and waits for its address. */
    static ReceiverProcess start(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("receive", "--port", "0"));
        argv.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(CliProcess.command(argv.toArray(String[]::new)))
                .redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "receive-output");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Optional<String> url = lines.stream().map(LISTENING::matcher).filter(Matcher::find)
                    .map(m -> m.group(1)).findFirst();
            if (url.isPresent()) {
                return new ReceiverProcess(process, lines, url.get());
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(50);
        }
        process.destroyForcibly();
        throw new AssertionError("receive did not print its address within 60 s; it printed: " + lines);
    }

    /** The page's address, ending in a slash. */
    String url() {
        return url;
    }

    /** What it printed so far. */
    List<String> lines() {
        return List.copyOf(lines);
    }

    /** Waits (up to a minute) until it has printed a line containing {@code text}. */
    String awaitLine(String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            for (String line : lines) {
                if (line.contains(text)) {
                    return line;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("receive printed no line with \"" + text + "\" within 60 s: " + lines);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
