package io.jenkins.plugins.dockerbuildwebhooks.cli;

import static io.jenkins.plugins.dockerbuildwebhooks.cli.SendCommandTest.redeliver;
import static io.jenkins.plugins.dockerbuildwebhooks.cli.SendCommandTest.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dockerbuildwebhooks.cli.SendCommandTest.Run;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.DeliveryJournal;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.JournalEntry;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.Outcome;
import io.jenkins.plugins.dockerbuildwebhooks.testservers.WebhookReceiver;
import io.jenkins.plugins.dockerbuildwebhooks.testservers.WebhookReceiver.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code send --journal} and {@code redeliver} never change a file that is not their journal, and keep what may be wanted. */
class JournalCommandsTest {

    /** A real build log where a journal was meant: the mistake the commands must survive. */
    private static Path buildLog(Path dir) throws Exception {
        Path log = dir.resolve("build.log");
        Files.copy(Path.of(System.getProperty("user.dir"), "../core/src/test/resources/fixtures/docker/docker-push.txt"),
                log);
        Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setLastModifiedTime(log, FileTime.fromMillis(1_700_000_000_000L));
        return log;
    }

    private static void assertUntouched(Path log, byte[] before) throws Exception {
        assertThat(Files.readAllBytes(log)).isEqualTo(before);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log))).isEqualTo("rw-r--r--");
        assertThat(Files.getLastModifiedTime(log)).isEqualTo(FileTime.fromMillis(1_700_000_000_000L));
    }

    @Test
    void shouldRefuseAFileThatIsNotAJournalInEveryCommandAndLeaveItAsItWas(@TempDir Path dir) throws Exception {
        Path log = buildLog(dir);
        byte[] before = Files.readAllBytes(log);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Run compact = redeliver("--journal", log.toString(), "--compact");
            Run resume = redeliver("--journal", log.toString());
            Run sent = send("--image", "demo/app:1.0", "--url", receiver.url("/hook").toString(), "--journal",
                    log.toString());

            for (Run run : new Run[] {compact, resume, sent}) {
                assertThat(run.exitCode()).as(run.stderr()).isEqualTo(Cli.BAD_INPUT);
                assertThat(run.stderr()).contains(": " + log + " is not a delivery journal").hasLineCount(1);
            }
            assertThat(compact.stderr()).doesNotContain("compacted").doesNotContain("warning");
            assertThat(resume.stderr()).doesNotContain("nothing to redeliver");
            assertThat(receiver.requests()).as("nothing was sent").isEmpty();
        }
        assertUntouched(log, before);
    }

    @Test
    void shouldRefuseAJournalWithARecordThatDoesNotParseInEveryCommand(@TempDir Path dir) throws Exception {
        Path journal = dir.resolve("deliveries.jsonl");
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            send("--image", "demo/app:1.0", "--url", receiver.url("/hook").toString(), "--journal", journal.toString());
            Files.writeString(journal, "a line someone pasted in\n", java.nio.file.StandardOpenOption.APPEND);
            byte[] before = Files.readAllBytes(journal);
            int sent = receiver.requests().size();

            Run compact = redeliver("--journal", journal.toString(), "--compact");
            Run resume = redeliver("--journal", journal.toString());
            Run again = send("--image", "demo/app:2.0", "--url", receiver.url("/hook").toString(), "--journal",
                    journal.toString());

            for (Run run : new Run[] {compact, resume, again}) {
                assertThat(run.exitCode()).as(run.stderr()).isEqualTo(Cli.BAD_INPUT);
                assertThat(run.stderr()).contains(": " + journal + " is not a delivery journal (line ")
                        .contains("is not a journal record");
            }
            assertThat(receiver.requests()).as("nothing more was sent").hasSize(sent);
            assertThat(Files.readAllBytes(journal)).isEqualTo(before);
        }
    }

    @Test
    void shouldMakeAJournalThatExistedBeforePrivate(@TempDir Path dir) throws Exception {
        Path journal = dir.resolve("deliveries.jsonl");
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            send("--image", "demo/app:1.0", "--url", receiver.url("/hook").toString(), "--journal", journal.toString());
            Files.setPosixFilePermissions(journal, PosixFilePermissions.fromString("rw-r--r--"));

            Run again = send("--image", "demo/app:2.0", "--url", receiver.url("/hook").toString(), "--journal",
                    journal.toString());

            assertThat(again.exitCode()).as(again.stderr()).isZero();
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(journal))).isEqualTo("rw-------");
    }

    @Test
    void shouldCompactAwayOnlyDeliveredDeliveriesSoAFailedOneCanStillBeRepeatedById(@TempDir Path dir) throws Exception {
        Path journal = dir.resolve("deliveries.jsonl");
        try (WebhookReceiver ok = WebhookReceiver.start(); WebhookReceiver busy = WebhookReceiver.start();
                WebhookReceiver gone = WebhookReceiver.start()) {
            // the receiver docs/delivery.md has in mind: a Retry-After longer than the sender waits
            busy.otherwise(Reply.status(503, "later").header("Retry-After", "86400"));
            gone.otherwise(Reply.status(410, "gone"));
            Run first = send("--image", "demo/app:1.0", "--url", ok.url("/a").toString(), "--url",
                    busy.url("/b").toString(), "--url", gone.url("/c").toString(), "--journal", journal.toString());
            assertThat(first.exitCode()).as(first.stderr()).isEqualTo(Cli.FAILED);
            String failedId = busy.requests().get(0).header("webhook-id");

            Run compact = redeliver("--journal", journal.toString(), "--compact");

            assertThat(compact.stderr()).contains("compacted " + journal + ": dropped 1 (1 delivered); kept 2 (1 failed, 1 gone)");
            try (DeliveryJournal j = DeliveryJournal.open(journal, DeliveryJournal.Durability.SYNC, w -> { })) {
                assertThat(j.entries()).extracting(JournalEntry::outcome).containsExactly(Outcome.FAILED, Outcome.GONE);
            }
            busy.otherwise(Reply.status(200, "thanks"));
            Run repeated = redeliver("--journal", journal.toString(), "--id", failedId);
            assertThat(repeated.exitCode()).as(repeated.stderr()).isZero();
            assertThat(busy.requests()).last().satisfies(r -> assertThat(r.header("webhook-id")).isEqualTo(failedId));
        }
    }
}
