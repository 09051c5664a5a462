package io.jenkins.plugins.dockerbuildwebhooks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dockerbuildwebhooks.json.JsonWriter;
import io.jenkins.plugins.dockerbuildwebhooks.testservers.WebhookReceiver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signature-check snippet in docs/delivery.md, run as written with python3 on what {@code send}
 * really sent: it accepts the signed request, and says False — without raising — for an unsigned
 * one, a changed body and another secret.
 */
class SignatureSnippetIT {
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String DRIVER = """

            import base64 as _b64, json as _json, sys as _sys
            for case in _json.load(open(_sys.argv[1])):
                body = _b64.b64decode(case["body"])
                print(case["name"], verify_standard_webhooks(case["secret"], case["headers"], body),
                      verify_hub_signature_256(case["secret"], case["headers"], body))
            """;

    private static String snippet() throws Exception {
        String doc = Files.readString(Paths.get(System.getProperty("user.dir"), "..", "docs", "delivery.md"));
        int start = doc.indexOf("```python\n");
        assertThat(start).as("docs/delivery.md has a python block").isNotNegative();
        int end = doc.indexOf("\n```", start + 10);
        return doc.substring(start + 10, end + 1);
    }

    private static void writeCase(JsonWriter w, String name, String secret, Map<String, String> headers, byte[] body) {
        w.startObject().field("name", name).field("secret", secret);
        w.name("headers").startObject();
        headers.forEach(w::field);
        w.endObject();
        w.field("body", Base64.getEncoder().encodeToString(body)).endObject();
    }

    @Test
    void shouldAcceptWhatSendSignedAndSayFalseForTheRestWithoutRaising(@TempDir Path dir) throws Exception {
        Path python = EndToEnd.executable("/usr/bin/python3", "python3");
        WebhookReceiver.Received sent;
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            CliProcess.Result send = CliProcess.runWithEnv(Map.of("DBW_SNIPPET_SECRET", SECRET), "send", "--image",
                    "127.0.0.1:5000/demo/app:1.0", "--secret-env", "DBW_SNIPPET_SECRET", "--url",
                    receiver.url("/hook").toString());
            assertThat(send.exitCode()).as(send.stderr()).isZero();
            sent = receiver.requests().get(0);
        }
        byte[] changed = sent.bodyText().replace("1.0", "6.6").getBytes(StandardCharsets.UTF_8);
        Path cases = dir.resolve("cases.json");
        Files.write(cases, JsonWriter.toBytes(false, w -> {
            w.startArray();
            writeCase(w, "signed", SECRET, sent.headers(), sent.body());
            writeCase(w, "unsigned", SECRET, Map.of("content-type", "application/json"), sent.body());
            writeCase(w, "changed-body", SECRET, sent.headers(), changed);
            writeCase(w, "other-secret", "whsec_" + Base64.getEncoder().encodeToString(
                    "not the sender's key".getBytes(StandardCharsets.UTF_8)), sent.headers(), sent.body());
            w.endArray();
        }));
        Path script = Files.writeString(dir.resolve("verify.py"), snippet() + DRIVER);

        Process run = new ProcessBuilder(python.toString(), script.toString(), cases.toString())
                .redirectErrorStream(true).start();
        run.getOutputStream().close();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(run.exitValue()).as(output).isZero();
        assertThat(output.lines()).containsExactly("signed True True", "unsigned False False",
                "changed-body False False", "other-secret False False");
    }
}
