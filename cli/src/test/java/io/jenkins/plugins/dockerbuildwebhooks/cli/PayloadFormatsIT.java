package io.jenkins.plugins.dockerbuildwebhooks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dockerbuildwebhooks.json.JsonObject;
import io.jenkins.plugins.dockerbuildwebhooks.json.JsonReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code payload} and {@code send} with the non-Docker-Hub profiles, run as the packaged jar. */
class PayloadFormatsIT {
    private static final String INDEX = "sha256:ae48f8f1a1e41f2fb6202954780c792e800d88d21ef55b626277c5bd37fad675";

    @Test
    void shouldPrintOneCdEventPerPlatformAndOneForTheIndexWithTheirHeaders() throws Exception {
        CliProcess.Result run = CliProcess.run("payload", "--profile", "cdevents", "--headers",
                "--event-source", "https://jenkins.example.com/job/app/7/",
                "--log", CliProcess.fixtures().resolve("buildx-multiplatform-push-noprovenance.txt").toString(),
                "--manifest", CliProcess.fixtures().resolve("buildx-multiplatform-noprovenance-imagetools-inspect-raw.txt")
                        .toString());

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        List<JsonObject> messages = JsonReader.parseObjectArray(run.stdout().getBytes(StandardCharsets.UTF_8), "stdout");
        assertThat(messages).extracting(m -> m.string("label")).containsExactly("localhost:5000/demo/mp-np:2.0 linux/amd64",
                "localhost:5000/demo/mp-np:2.0 linux/arm/v7", "localhost:5000/demo/mp-np:2.0");
        JsonObject index = messages.get(2);
        assertThat(index.object("headers").string("ce-id")).isEqualTo(index.string("delivery"))
                .isEqualTo(index.object("body").object("context").string("id"));
        assertThat(index.object("headers").string("ce-subject")).isEqualTo("pkg:oci/mp-np@" + INDEX
                + "?repository_url=localhost:5000%2Fdemo%2Fmp-np&tag=2.0");
    }

    @Test
    void shouldNoteAndSkipATagWithoutRegistryDigest() throws Exception {
        CliProcess.Result payload = CliProcess.run("payload", "--profile", "registry-notification", "--image",
                "localhost:5000/demo/app:1.0");
        CliProcess.Result send = CliProcess.run("send", "--profile", "cdevents", "--image", "localhost:5000/demo/app:1.0",
                "--url", "http://127.0.0.1:9/hook", "--json");

        assertThat(payload.exitCode()).isEqualTo(1);
        assertThat(payload.stdout().strip()).isEqualTo("[]");
        assertThat(payload.stderr()).contains("localhost:5000/demo/app:1.0", "no registry digest");
        assertThat(send.exitCode()).isEqualTo(1);
        assertThat(send.stderr()).contains("SKIPPED", "no registry digest", "0 of 0 deliveries succeeded; 1 skipped");
        JsonObject json = JsonReader.parseObject(send.stdout().getBytes(StandardCharsets.UTF_8), "stdout");
        assertThat(json.objects("skipped")).singleElement()
                .satisfies(s -> assertThat(s.string("image")).isEqualTo("localhost:5000/demo/app:1.0"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "payload --image a/b --profile cloudevents|cloudevents",
        "payload --image a/b --profile cdevents --cdevents-spec 0.3.0|0.3.0",
        "payload --image a/b --profile cdevents --cloudevents-mode batch|batch",
        "payload --image a/b --profile cdevents --event-source http://[::1|http://[::1",
        "send --image a/b --url http://127.0.0.1:9/ --hub-signature-header X-Signature|--signature",
        "images --manifest /nonexistent/index.json|/nonexistent/index.json",
    })
    void shouldAnswerBadFormatOptionsWithExitCode2NamingTheInput(String commandLine, String named) throws Exception {
        CliProcess.Result result = CliProcess.run(commandLine.split(" "));

        assertThat(result.exitCode()).as(result.stderr()).isEqualTo(2);
        assertThat(result.stderr()).contains(named).doesNotContain("\tat ").doesNotContain("Exception");
    }
}
