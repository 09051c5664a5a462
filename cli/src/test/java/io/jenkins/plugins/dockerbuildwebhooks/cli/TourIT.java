package io.jenkins.plugins.dockerbuildwebhooks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/tour.md, run: each of its console blocks in a fresh {@code bash}, in order, as a reader
 * types them. What differs from typing them, and why: steps 1 and 2 (install, build) are what the
 * build already did; {@code /tmp/dbw-tour}, the registry's port 5000 and the receiver's port 8765
 * are replaced by a folder and ports of the test's own, so the run can touch nothing else on the
 * machine; {@code ~/docker-build-webhooks} is this clone; step 4's receiver (the tour's second
 * terminal) runs in the background; and, as step 3 tells the reader, {@code docker version} and
 * the registry check are tried again while the engine and the registry start. Step 11 cleans up,
 * whatever happened before.
 */
class TourIT {
    private static final Path CLONE = Paths.get(System.getProperty("user.dir")).toAbsolutePath().getParent();
    private static final Pattern STEP = Pattern.compile("^## ([0-9]+)\\. ", Pattern.MULTILINE);
    private static final Pattern BLOCK = Pattern.compile("```console\\n(.*?)```", Pattern.DOTALL);

    /** The blocks of each step, as shell script text: prompts removed, output lines dropped, heredocs kept. */
    private static String tour(Map<String, String> replacements) throws IOException {
        String tour = Files.readString(CLONE.resolve("docs/tour.md"));
        for (Map.Entry<String, String> r : replacements.entrySet()) {
            tour = tour.replace(r.getKey(), r.getValue());
        }
        return tour;
    }

    private static Map<Integer, List<String>> steps(Map<String, String> replacements) throws IOException {
        String tour = tour(replacements);
        Map<Integer, List<String>> steps = new LinkedHashMap<>();
        Matcher step = STEP.matcher(tour);
        List<int[]> starts = new ArrayList<>();
        while (step.find()) {
            starts.add(new int[] {Integer.parseInt(step.group(1)), step.start()});
        }
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1)[1] : tour.length();
            Matcher block = BLOCK.matcher(tour.substring(starts.get(i)[1], end));
            List<String> scripts = new ArrayList<>();
            while (block.find()) {
                scripts.add(script(block.group(1)));
            }
            steps.put(starts.get(i)[0], scripts);
        }
        return steps;
    }

    private static String script(String block) {
        StringBuilder script = new StringBuilder();
        String heredocEnd = null;
        boolean continued = false;
        for (String line : block.split("\n")) {
            if (heredocEnd != null) {
                script.append(line).append('\n');
                heredocEnd = line.strip().equals(heredocEnd) ? null : heredocEnd;
                continue;
            }
            String text;
            if (continued) {
                text = line;
            } else if (line.startsWith("$ ") || line.startsWith("# ")) {
                text = line.substring(2);
            } else {
                continue; // what the command printed
            }
            continued = text.endsWith("\\");
            Matcher heredoc = Pattern.compile("<<-?'?([A-Za-z]+)'?").matcher(text);
            if (heredoc.find()) {
                heredocEnd = heredoc.group(1);
            }
            script.append(text).append('\n');
        }
        return script.toString();
    }

    /** Step 3's checks, tried again while the engine and the registry come up, as the tour says to. */
    private static String retryingStartChecks(String script) {
        return script.replaceAll("(?m)^(\\$DOCKER version.*|curl -s (http://\\S+/v2/))$",
                "for i in \\$(seq 1 120); do $1 \\&\\& break; sleep 0.25; done");
    }

    private static CliProcess.Result bash(Path cwd, String script) throws Exception {
        Path out = Files.createTempFile(cwd, "step", ".out");
        try {
            Process p = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).directory(cwd.toFile())
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            p.getOutputStream().close();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("did not finish within 5 minutes:\n" + script);
            }
            return new CliProcess.Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), "");
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static void run(Path cwd, String step, String script) throws Exception {
        CliProcess.Result result = bash(cwd, script);
        assertThat(result.exitCode()).as("step " + step + ":\n" + script + "\nprinted:\n" + result.stdout()).isZero();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void shouldWorkFollowedAsWritten(@TempDir Path dir) throws Exception {
        int uid = (Integer) Files.getAttribute(Paths.get("/proc/self"), "unix:uid");
        EndToEnd.require(uid == 0, "the tour runs as root (it starts dockerd)");
        for (String[] tool : new String[][] {{"/usr/sbin/dockerd", "docker.io"}, {"/usr/bin/docker", "docker.io"},
                {"/usr/bin/docker-registry", "docker-registry"}, {"/usr/bin/podman", "podman"}}) {
            EndToEnd.executable(tool[0], tool[1]);
        }
        // as short as the tour's /tmp/dbw-tour: containerd's sockets live under it, and a unix socket path has
        // at most 104 bytes
        Path tourDir = Files.createTempDirectory(Paths.get("/tmp"), "dbw-tour-");
        int registry = freePort();
        int receiver = freePort();
        Map<String, String> replace = new LinkedHashMap<>();
        replace.put("/tmp/dbw-tour", tourDir.toString());
        replace.put("127.0.0.1:5000", "127.0.0.1:" + registry);
        replace.put("8765", Integer.toString(receiver));
        replace.put("~/docker-build-webhooks", CLONE.toString());
        Map<Integer, List<String>> steps = steps(replace);
        assertThat(steps.keySet()).contains(3, 4, 5, 6, 7, 8, 9, 11);

        Process receive = null;
        Path receiveLog = dir.resolve("receive.log");
        AssertionError failed = null;
        try {
            run(dir, "3", retryingStartChecks(steps.get(3).get(0)));

            String receiveScript = steps.get(4).get(0).replace("java -jar cli/target/docker-build-webhooks.jar receive "
                    + "--secret-env WEBHOOK_SECRET", "exec java -jar cli/target/docker-build-webhooks.jar receive "
                    + "--secret-env WEBHOOK_SECRET --port " + receiver);
            assertThat(receiveScript).contains("exec java");
            receive = new ProcessBuilder("bash", "-euc", receiveScript)
                    .directory(CLONE.toFile()).redirectErrorStream(true).redirectOutput(receiveLog.toFile()).start();
            receive.getOutputStream().close();
            awaitLine(receiveLog, "receive: listening on http://127.0.0.1:" + receiver + "/");

            run(dir, "5", steps.get(5).get(0));
            String imageId = Files.readString(tourDir.resolve("app/iid")).strip();
            CliProcess.Result images = bash(dir, steps.get(6).get(0));
            assertThat(images.exitCode()).as(images.stdout()).isZero();
            assertThat(images.stdout()).contains("\"repository\":\"127.0.0.1:" + registry + "/demo/app\"",
                    "\"tags\":[\"1.0\"]", "\"imageId\":\"" + imageId + "\"", "\"digest\":\"sha256:");

            CliProcess.Result send = bash(dir, steps.get(7).get(0));
            assertThat(send.stdout()).as(send.stdout()).contains("1 of 1 delivery succeeded");
            // step 8 shows the line the receiver prints
            Matcher arrived = Pattern.compile("(?m)^#1 POST /hook .*$").matcher(tour(replace));
            assertThat(arrived.find()).as("step 8 shows the receiver's line").isTrue();
            awaitLine(receiveLog, arrived.group());

            CliProcess.Result podman = bash(dir, steps.get(9).get(0));
            assertThat(podman.exitCode()).as(podman.stdout()).isZero();
            assertThat(podman.stdout()).contains("1 of 1 delivery succeeded");
            awaitLine(receiveLog, "#2 POST /hook -> 200  127.0.0.1:" + registry + "/demo/app:1.0-podman  "
                    + "Standard Webhooks: valid  X-Hub-Signature-256: valid");
        } catch (Exception | AssertionError e) {
            failed = new AssertionError(e + "\n--- dockerd.log:\n" + tail(tourDir.resolve("dockerd.log"))
                    + "\n--- registry.log:\n" + tail(tourDir.resolve("registry.log")) + "\n--- receive:\n"
                    + tail(receiveLog), e);
            throw failed;
        } finally {
            if (receive != null) {
                receive.destroy();
                receive.waitFor(30, TimeUnit.SECONDS);
            }
            CliProcess.Result cleanup = bash(dir, steps.get(11).get(0));
            waitForExit(tourDir);
            removeLeftovers(dir, tourDir);
            if (failed == null) {
                assertThat(cleanup.exitCode()).as("step 11:\n" + cleanup.stdout()).isZero();
            }
        }
        assertThat(tourDir).doesNotExist();
    }

    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "(none)";
        }
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
    }

    private static void awaitLine(Path log, String line) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).lines().anyMatch(l -> l.contains(line))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no line \"" + line + "\" in:\n" + Files.readString(log));
    }

    /** What a dockerd that failed to start leaves: its data folder still mounted on itself. */
    private static void removeLeftovers(Path cwd, Path tourDir) throws Exception {
        if (Files.exists(tourDir)) {
            bash(cwd, "umount " + tourDir.resolve("docker/data") + " 2>/dev/null || true; rm -rf " + tourDir);
        }
    }

    /** dockerd stops its containerd on the way out; the folder it used is gone once it has. */
    private static void waitForExit(Path tourDir) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (Files.exists(tourDir) && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
    }
}
