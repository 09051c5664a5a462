package io.jenkins.plugins.dockerbuildwebhooks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dockerbuildwebhooks.json.JsonObject;
import io.jenkins.plugins.dockerbuildwebhooks.json.JsonReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PayloadCommandIT {
    private static final String ID = "sha256:dd474e058f40d58eb3a2d981b87a48607c8fab4dd168d7ef7354e833d2b74092";

    @Test
    void shouldPrintOnePayloadPerTagForTheDocumentedExample(@TempDir Path dir) throws Exception {
        Path dockerfile = Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\nCOPY app /app\n");

        CliProcess.Result result = CliProcess.run("payload", "--image", "localhost:5000/demo/app:1.0",
                "--image", "localhost:5000/demo/app:latest", "--image-id", ID, "--pusher", "ci-bot",
                "--callback-url", "https://ci.example.com/cb/1", "--dockerfile", dockerfile.toString());

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        List<JsonObject> payloads = JsonReader.parseObjectArray(result.stdout().getBytes(StandardCharsets.UTF_8), "stdout");
        assertThat(payloads).hasSize(2);
        JsonObject first = payloads.get(0);
        assertThat(first.object("push_data").string("tag")).isEqualTo("1.0");
        assertThat(first.object("push_data").string("pusher")).isEqualTo("ci-bot");
        assertThat(first.object("push_data").strings("images")).containsExactly(ID.substring("sha256:".length()));
        assertThat(first.object("repository").string("repo_name")).isEqualTo("localhost:5000/demo/app");
        assertThat(first.object("repository").string("dockerfile")).isEqualTo("FROM scratch\nCOPY app /app\n");
        assertThat(first.string("callback_url")).isEqualTo("https://ci.example.com/cb/1");
    }

    @Test
    void shouldWriteTheLegacyTypesOnRequest() throws Exception {
        CliProcess.Result result = CliProcess.run("payload", "--image", "myorg/app", "--profile", "docker-hub-legacy");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).contains("\"comment_count\":\"0\"").containsPattern("\"pushed_at\":\\d\\.\\d+e\\+09");
    }

    @Test
    void shouldExplainBadInputInOneLineWithExitCodeTwo() throws Exception {
        CliProcess.Result upper = CliProcess.run("payload", "--image", "myorg/Demo:1");
        CliProcess.Result shortId = CliProcess.run("payload", "--image", "app", "--image-id", "dd474e058f40");
        CliProcess.Result unknown = CliProcess.run("payload", "--image", "app", "--frobnicate");

        assertThat(upper.exitCode()).isEqualTo(2);
        assertThat(upper.stderr()).contains("\"myorg/Demo:1\"").contains("must be lowercase")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(shortId.exitCode()).isEqualTo(2);
        assertThat(shortId.stderr()).contains("short ID");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.stderr()).contains("--frobnicate");
        assertThat(upper.stdout()).isEmpty();
    }

    @Test
    void shouldPrintHelpAndVersion() throws Exception {
        CliProcess.Result help = CliProcess.run("--help");
        CliProcess.Result version = CliProcess.run("--version");

        assertThat(help.exitCode()).isZero();
        assertThat(help.stdout()).contains("payload");
        assertThat(version.stdout()).matches("docker-build-webhooks \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R");
    }
}
