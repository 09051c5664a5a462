package io.jenkins.plugins.dockerbuildwebhooks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dockerbuildwebhooks.delivery.DeliveryJournal;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.Outcome;
import io.jenkins.plugins.dockerbuildwebhooks.testservers.WebhookReceiver;
import io.jenkins.plugins.dockerbuildwebhooks.testservers.WebhookReceiver.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A real {@code send} process killed mid-retry; {@code redeliver} finishes the delivery with the same id. */
class SendCrashIT {

    @Test
    void shouldResumeAKilledSendWithTheSameWebhookId(@TempDir Path dir) throws Exception {
        Path journal = dir.resolve("deliveries.jsonl");
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            // the receiver asks for a long pause, so the process is certainly waiting to retry when killed
            receiver.otherwise(Reply.status(503, "busy").header("Retry-After", "120"));
            List<String> command = new ArrayList<>(CliProcess.command("send", "--image", "demo/app:1.0",
                    "--url", receiver.url("/hook").toString(), "--attempts", "5", "--journal", journal.toString()));
            command.addAll(List.of("--secret-env", "HOOK_SECRET"));
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("send.log").toFile());
            pb.environment().put("HOOK_SECRET", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
            Process send = pb.start();
            send.getOutputStream().close();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            // mid-retry = the first attempt is journalled and the process waits for the next one
            while (!firstAttemptJournalled(journal) && System.nanoTime() < deadline && send.isAlive()) {
                Thread.sleep(50);
            }
            assertThat(receiver.requests()).as("the first attempt reached the receiver").hasSize(1);
            assertThat(send.isAlive()).as("send is waiting to retry").isTrue();
            CliProcess.Result concurrent = runWithSecret(dir, "redeliver", "--journal", journal.toString());
            assertThat(concurrent.exitCode()).as("a second writer is refused while send runs").isEqualTo(2);
            assertThat(concurrent.stderr()).contains("in use by another process");
            assertThat(receiver.requests()).hasSize(1);
            send.destroyForcibly();
            assertThat(send.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String firstId = receiver.requests().get(0).header("webhook-id");

            receiver.otherwise(Reply.status(200, "thanks"));
            CliProcess.Result redeliver = runWithSecret(dir, "redeliver", "--journal", journal.toString(), "--json");

            assertThat(redeliver.exitCode()).as(redeliver.stderr()).isZero();
            assertThat(receiver.requests()).hasSize(2);
            assertThat(receiver.requests().get(1).header("webhook-id")).isEqualTo(firstId);
            assertThat(receiver.requests().get(1).body()).isEqualTo(receiver.requests().get(0).body());
            assertThat(receiver.requests().get(1).header("webhook-signature")).startsWith("v1,");
            assertThat(redeliver.stdout()).contains("\"delivery\" : \"" + firstId + "\"");
        }
        try (DeliveryJournal j = DeliveryJournal.open(journal, DeliveryJournal.Durability.SYNC, w -> { })) {
            assertThat(j.entries()).singleElement().satisfies(e -> {
                assertThat(e.outcome()).isEqualTo(Outcome.DELIVERED);
                assertThat(e.attempts()).extracting(a -> a.status()).containsExactly(503, 200);
            });
        }
    }

    @ParameterizedTest
    @CsvSource({"TERM, 143", "INT, 130"})
    void shouldStopCleanlyOnASignalAndSayHowToResume(String signal, int exitCode, @TempDir Path dir) throws Exception {
        Path journal = dir.resolve("deliveries.jsonl");
        Path log = dir.resolve("send.log");
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.otherwise(Reply.status(503, "busy").header("Retry-After", "120"));
            Process send = new ProcessBuilder(CliProcess.command("send", "--image", "demo/app:1.0", "--url",
                    receiver.url("/hook").toString(), "--journal", journal.toString()))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            send.getOutputStream().close();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!firstAttemptJournalled(journal) && System.nanoTime() < deadline && send.isAlive()) {
                Thread.sleep(50);
            }
            assertThat(send.isAlive()).as("send is waiting to retry").isTrue();

            // what Ctrl-C (SIGINT) and kill (SIGTERM) do
            new ProcessBuilder("kill", "-" + signal, Long.toString(send.pid())).inheritIO().start().waitFor();

            assertThat(send.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(send.exitValue()).isEqualTo(exitCode);
        }
        String output = java.nio.file.Files.readString(log);
        assertThat(output).contains("send: stopped; 1 unfinished delivery recorded in " + journal
                + ": `redeliver --journal " + journal + "` sends them").doesNotContain("internal error")
                .doesNotContain("Exception");
        List<String> warnings = new ArrayList<>();
        try (DeliveryJournal j = DeliveryJournal.open(journal, DeliveryJournal.Durability.SYNC, warnings::add,
                DeliveryJournal.Damage.REFUSE)) {
            assertThat(j.unfinished()).singleElement().satisfies(e -> assertThat(e.attempts()).hasSize(1));
        }
        assertThat(warnings).as("no torn or unreadable record").isEmpty();
    }

    private static boolean firstAttemptJournalled(Path journal) throws java.io.IOException {
        return java.nio.file.Files.exists(journal) && java.nio.file.Files.readString(journal).contains("\"type\":\"attempt\"");
    }

    /** Runs the jar with the secret set; its output goes to files in {@code dir}, which the test removes. */
    private static CliProcess.Result runWithSecret(Path dir, String... args) throws Exception {
        Path out = java.nio.file.Files.createTempFile(dir, "cli-out", ".txt");
        Path err = java.nio.file.Files.createTempFile(dir, "cli-err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(CliProcess.command(args)).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("HOOK_SECRET", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        Process p = pb.start();
        p.getOutputStream().close();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new CliProcess.Result(p.exitValue(), java.nio.file.Files.readString(out), java.nio.file.Files.readString(err));
    }
}
