package io.jenkins.plugins.dockerbuildwebhooks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code demo}, README's run command, as the packaged jar runs it. */
class DemoIT {
    private static final Pattern PAGE = Pattern.compile("receiver listening on (http://127\\.0\\.0\\.1:\\d+/)");

    @Test
    void shouldFindSendAndVerifyTheShippedBuildOnce() throws Exception {
        CliProcess.Result result = CliProcess.run("demo", "--once");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout())
                .contains("\"repository\" : \"127.0.0.1:5001/demo/app\"", "\"tags\" : [ \"1.0\", \"latest\" ]",
                        "\"imageId\" : \"sha256:0d0d410d67262de5502901c057d279980a1e7ca233122ffce5b72bf10b9a16dc\"",
                        "\"digest\" : \"sha256:a8a1e7a3570e9525ca73280f9c7ce4d9494fbb960cbdf9a8a40b6a4d00e3b519\"")
                .contains("2 of 2 deliveries succeeded")
                .contains("demo: 2 of 2 deliveries arrived, 2 with both signatures valid")
                .doesNotContain("whsec_");
        assertThat(result.stdout().lines().filter(l -> l.matches("#\\d POST /hook -> 200  127\\.0\\.0\\.1:5001/demo/app:"
                + "(1\\.0|latest)  Standard Webhooks: valid  X-Hub-Signature-256: valid"))).hasSize(2);
        assertThat(PAGE.matcher(result.stdout()).find()).isTrue();
    }

    @Test
    void shouldKeepServingThePageUntilStopped() throws Exception {
        Process demo = new ProcessBuilder(CliProcess.command("demo")).redirectErrorStream(true).start();
        demo.getOutputStream().close();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8))) {
                in.lines().forEach(lines::add);
            } catch (java.io.IOException e) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (lines.stream().noneMatch(l -> l.contains("Ctrl-C stops")) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            String page = lines.stream().map(PAGE::matcher).filter(Matcher::find).map(m -> m.group(1)).findFirst()
                    .orElseThrow(() -> new AssertionError("no page address in " + lines));

            HttpResponse<String> api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(page + "_receive/api/deliveries")).GET().build(), HttpResponse.BodyHandlers.ofString());

            assertThat(api.statusCode()).isEqualTo(200);
            assertThat(api.body()).contains("\"repo_name\":\"127.0.0.1:5001/demo/app\"").contains("\"outcome\":\"valid\"");
            assertThat(demo.isAlive()).as("still serving after the deliveries arrived").isTrue();
        } finally {
            demo.destroy();
        }
        assertThat(demo.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(demo.exitValue()).isEqualTo(143);
    }
}
