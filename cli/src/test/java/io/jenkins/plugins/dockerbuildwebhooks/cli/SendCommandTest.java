package io.jenkins.plugins.dockerbuildwebhooks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dockerbuildwebhooks.delivery.DeliveryJournal;
import io.jenkins.plugins.dockerbuildwebhooks.json.JsonObject;
import io.jenkins.plugins.dockerbuildwebhooks.json.JsonReader;
import io.jenkins.plugins.dockerbuildwebhooks.testservers.WebhookReceiver;
import io.jenkins.plugins.dockerbuildwebhooks.testservers.WebhookReceiver.Received;
import io.jenkins.plugins.dockerbuildwebhooks.testservers.WebhookReceiver.Reply;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code send} and {@code redeliver} run in process against real receivers on 127.0.0.1. */
class SendCommandTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T04:00:00Z"), ZoneOffset.UTC);
    private static final Map<String, String> ENV = Map.of("HOOK_SECRET", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            "HOOK_TOKEN", "tok-abc-123", "HOOK_BASIC", "robot:pa:ss", "HOOK_NO_COLON", "robot");

    record Run(int exitCode, String stdout, String stderr) {}

    static Run send(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        return run(new SendCommand(new Terminal(CLOCK, new PrintStream(out, true, StandardCharsets.UTF_8), errStream, ENV::get)),
                out, err, args);
    }

    static Run redeliver(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        return run(new RedeliverCommand(new Terminal(CLOCK, new PrintStream(out, true, StandardCharsets.UTF_8), errStream, ENV::get)),
                out, err, args);
    }

    private static Run run(Callable<Integer> command, ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
        CommandLine cl = Cli.commandLine(command);
        cl.setErr(new PrintWriter(new PrintStream(err, true, StandardCharsets.UTF_8), true));
        int code = cl.execute(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void shouldDeliverEveryTagToEveryUrlSignedAndExitZero() throws Exception {
        try (WebhookReceiver a = WebhookReceiver.start(); WebhookReceiver b = WebhookReceiver.start()) {
            Run run = send("--image", "localhost:5000/demo/app:1.0", "--image", "localhost:5000/demo/app:latest",
                    "--url", a.url("/hook").toString(), "--url", b.url("/hook").toString(),
                    "--secret-env", "HOOK_SECRET", "--bearer-env", "HOOK_TOKEN", "--header", "X-Team: builds", "--json");

            assertThat(run.exitCode()).as(run.stderr()).isZero();
            assertThat(a.requests()).hasSize(2);
            assertThat(b.requests()).hasSize(2);
            Received r = a.requests().get(0);
            assertThat(r.header("webhook-signature")).startsWith("v1,");
            assertThat(r.header("x-hub-signature-256")).startsWith("sha256=");
            assertThat(r.header("authorization")).isEqualTo("Bearer tok-abc-123");
            assertThat(r.header("x-team")).isEqualTo("builds");
            assertThat(r.header("user-agent")).startsWith("docker-build-webhooks/");
            assertThat(JsonReader.parseObject(r.body(), "body").object("push_data").string("tag")).isIn("1.0", "latest");
            assertThat(run.stderr()).contains("DELIVERED").contains("4 of 4 deliveries succeeded");
            List<JsonObject> results = JsonReader.parseObject(run.stdout().getBytes(StandardCharsets.UTF_8), "stdout")
                    .objects("results");
            assertThat(results).hasSize(4).allSatisfy(o -> assertThat(o.string("outcome")).isEqualTo("DELIVERED"));
            assertThat(results).extracting(o -> o.string("image"))
                    .containsOnly("localhost:5000/demo/app:1.0", "localhost:5000/demo/app:latest");
        }
    }

    @Test
    void shouldExitOneWhenAnyDeliveryFailsAndNeverPrintSecrets() throws Exception {
        try (WebhookReceiver good = WebhookReceiver.start(); WebhookReceiver bad = WebhookReceiver.start()) {
            bad.otherwise(Reply.status(400, "rejected"));

            Run run = send("--image", "demo/app:1.0", "--url", good.url("/t/tok-in-path").toString(),
                    "--url", bad.url("/x?key=query-secret").toString(), "--secret-env", "HOOK_SECRET",
                    "--bearer-env", "HOOK_TOKEN", "--json");

            assertThat(run.exitCode()).isEqualTo(Cli.FAILED);
            assertThat(run.stderr()).contains("FAILED").contains("HTTP 400").contains("1 of 2 deliveries succeeded");
            String all = run.stdout() + run.stderr();
            assertThat(all).doesNotContain("tok-in-path", "query-secret", "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "tok-abc-123");
        }
    }

    @Test
    void shouldSendBasicAuthAndTheDockerfileFromTheirOptions(@TempDir Path dir) throws Exception {
        Path dockerfile = java.nio.file.Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Run run = send("--image", "demo/app", "--url", receiver.url("/").toString(),
                    "--basic-auth-env", "HOOK_BASIC", "--dockerfile", dockerfile.toString());

            assertThat(run.exitCode()).as(run.stderr()).isZero();
            Received r = receiver.requests().get(0);
            assertThat(r.header("authorization")).isEqualTo("Basic "
                    + java.util.Base64.getEncoder().encodeToString("robot:pa:ss".getBytes(StandardCharsets.UTF_8)));
            assertThat(JsonReader.parseObject(r.body(), "body").object("repository").string("dockerfile"))
                    .isEqualTo("FROM scratch\n");
            assertThat(run.stderr()).doesNotContain("pa:ss");
        }
    }

    @Test
    void shouldWarnAboutAnAllowEntryThatCanNeverOpenAnything() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Run run = send("--image", "demo/app", "--url", receiver.url("/").toString(), "--block-private",
                    "--allow", "127.0.0.1", "--allow", "0xA9FEA9FE");

            assertThat(run.exitCode()).as(run.stderr()).isZero();
            assertThat(run.stderr()).contains("warning: --allow 0xA9FEA9FE opens nothing")
                    .doesNotContain("--allow 127.0.0.1 opens nothing");
        }
    }

    @Test
    void shouldRefuseAmbiguousOrMalformedAuthorization() {
        Run both = send("--image", "demo/app", "--url", "http://127.0.0.1:9/", "--bearer-env", "HOOK_TOKEN",
                "--basic-auth-env", "HOOK_BASIC");
        Run noColon = send("--image", "demo/app", "--url", "http://127.0.0.1:9/", "--basic-auth-env", "HOOK_NO_COLON");

        assertThat(both.exitCode()).isEqualTo(Cli.BAD_INPUT);
        assertThat(both.stderr()).contains("choose one");
        assertThat(noColon.exitCode()).isEqualTo(Cli.BAD_INPUT);
        assertThat(noColon.stderr()).contains("HOOK_NO_COLON must be user:password").doesNotContain("robot");
    }

    @Test
    void shouldTellApartUrlsThatDifferOnlyInTheirSecretPart() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Run run = send("--image", "demo/app", "--url", receiver.url("/a/token-1").toString(),
                    "--url", receiver.url("/b/token-2").toString(), "--json");

            assertThat(run.exitCode()).as(run.stderr()).isZero();
            String masked = "http://127.0.0.1:" + receiver.port() + "/…";
            assertThat(JsonReader.parseObject(run.stdout().getBytes(StandardCharsets.UTF_8), "stdout").objects("results"))
                    .extracting(o -> o.string("endpoint")).containsExactly(masked, masked + " (2)");
            assertThat(receiver.requests()).extracting(Received::path).containsExactlyInAnyOrder("/a/token-1", "/b/token-2");
        }
    }

    @Test
    void shouldSayWhyItRetries() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.enqueue(Reply.status(503, "busy").header("Retry-After", "0"));

            Run run = send("--image", "demo/app", "--url", receiver.url("/").toString());

            assertThat(run.exitCode()).as(run.stderr()).isZero();
            assertThat(run.stderr()).contains("attempt 1: HTTP 503; retrying in 0.0 s");
        }
    }

    @Test
    void shouldBlockPrivateTargetsWhenAsked() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Run run = send("--image", "demo/app", "--url", receiver.url("/").toString(), "--block-private");

            assertThat(run.exitCode()).isEqualTo(Cli.FAILED);
            assertThat(run.stderr()).contains("BLOCKED").contains("address 127.0.0.1 is loopback: blocked by the private-address policy");
            assertThat(receiver.requests()).isEmpty();
        }
    }

    @Test
    void shouldOpenAllowListedTargets() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Run run = send("--image", "demo/app", "--url", receiver.url("/").toString(), "--block-private",
                    "--allow", "127.0.0.0/8");

            assertThat(run.exitCode()).as(run.stderr()).isZero();
            assertThat(receiver.requests()).hasSize(1);
        }
    }

    @Test
    void shouldRejectBadInputWithExitTwo() {
        assertThat(send("--image", "demo/app", "--url", "http://127.0.0.1:1/", "--secret-env", "UNSET_VAR"))
                .satisfies(r -> {
                    assertThat(r.exitCode()).isEqualTo(Cli.BAD_INPUT);
                    assertThat(r.stderr()).contains("UNSET_VAR");
                });
        assertThat(send("--image", "demo/app", "--url", "ftp://x/"))
                .satisfies(r -> assertThat(r.stderr()).contains("http://"))
                .extracting(Run::exitCode).isEqualTo(Cli.BAD_INPUT);
        assertThat(send("--image", "demo/app", "--url", "http://x/", "--signature", "hub-signature-256"))
                .satisfies(r -> assertThat(r.stderr()).contains("--secret-env"))
                .extracting(Run::exitCode).isEqualTo(Cli.BAD_INPUT);
        assertThat(send("--image", "demo/app", "--url", "http://x/", "--header", "NoColon"))
                .satisfies(r -> assertThat(r.stderr()).contains("--header", "\"Name: value\""))
                .extracting(Run::exitCode).isEqualTo(Cli.BAD_INPUT);
        assertThat(send("--image", "demo/app", "--url", "http://x/", "--header", "Authorization: Bearer t"))
                .satisfies(r -> assertThat(r.stderr()).contains("--header", "bearer"))
                .extracting(Run::exitCode).isEqualTo(Cli.BAD_INPUT);
        assertThat(send("--image", "demo/app", "--url", "http://x/", "--timeout", "0s"))
                .extracting(Run::exitCode).isEqualTo(Cli.BAD_INPUT);
        assertThat(send("--image", "demo/app", "--url", "http://x/", "--signature", "md5"))
                .satisfies(r -> assertThat(r.stderr()).contains("md5"))
                .extracting(Run::exitCode).isEqualTo(Cli.BAD_INPUT);
    }

    @Test
    void shouldRepeatAFinishedDeliveryWithTheSameIdFromTheJournal(@TempDir Path dir) throws Exception {
        Path journal = dir.resolve("deliveries.jsonl");
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.enqueue(Reply.status(503, "down"));
            Run first = send("--image", "demo/app:1.0", "--url", receiver.url("/").toString(), "--attempts", "1",
                    "--secret-env", "HOOK_SECRET", "--journal", journal.toString());
            assertThat(first.exitCode()).isEqualTo(Cli.FAILED);
            String id = receiver.requests().get(0).header("webhook-id");

            assertThat(first.stderr()).doesNotContain("retrying");
            Run nothingLeft = redeliver("--journal", journal.toString());
            Run again = redeliver("--journal", journal.toString(), "--id", id, "--compact");

            assertThat(nothingLeft.exitCode()).isZero();
            assertThat(nothingLeft.stderr()).contains("nothing to redeliver");
            assertThat(again.exitCode()).as(again.stderr()).isZero();
            assertThat(receiver.requests()).extracting(r -> r.header("webhook-id")).containsExactly(id, id);
            assertThat(receiver.requests().get(1).body()).isEqualTo(receiver.requests().get(0).body());
            assertThat(receiver.requests().get(1).header("webhook-signature")).startsWith("v1,");
            assertThat(again.stderr()).contains("DELIVERED").contains("demo/app:1.0").contains("dropped 1");
        }
        try (DeliveryJournal j = DeliveryJournal.open(journal, DeliveryJournal.Durability.SYNC, w -> { })) {
            assertThat(j.entries()).isEmpty();
        }
    }

    @Test
    void shouldPointAtUnfinishedDeliveriesLeftInTheJournal(@TempDir Path dir) throws Exception {
        Path journal = dir.resolve("j.jsonl");
        try (WebhookReceiver receiver = WebhookReceiver.start();
                DeliveryJournal j = DeliveryJournal.open(journal, DeliveryJournal.Durability.SYNC, w -> { })) {
            j.begin(List.of(io.jenkins.plugins.dockerbuildwebhooks.delivery.Delivery.create(
                    io.jenkins.plugins.dockerbuildwebhooks.delivery.Endpoint.builder(receiver.url("/").toString()).build(),
                    new byte[] {'{', '}'})), CLOCK.instant());
        }
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Run run = send("--image", "demo/app", "--url", receiver.url("/").toString(), "--journal", journal.toString());

            assertThat(run.exitCode()).as(run.stderr()).isZero();
            assertThat(run.stderr()).contains("holds 1 unfinished deliveries").contains("redeliver --journal");
            assertThat(receiver.requests()).hasSize(1);
        }
    }

    @Test
    void shouldNameAnUnknownDeliveryId(@TempDir Path dir) throws Exception {
        Path journal = dir.resolve("j.jsonl");
        try (DeliveryJournal j = DeliveryJournal.open(journal, DeliveryJournal.Durability.SYNC, w -> { })) {
            assertThat(j.entries()).isEmpty();
        }

        Run run = redeliver("--journal", journal.toString(), "--id", "msg_nope");

        assertThat(run.exitCode()).isEqualTo(Cli.BAD_INPUT);
        assertThat(run.stderr()).contains("msg_nope");
    }
}
