package io.jenkins.plugins.dockerbuildwebhooks.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeliveryJournalTest {
    private static final Instant NOW = Instant.parse("2026-11-28T04:00:00Z");
    private static final SecretLookup SECRETS = ref -> {
        if (ref.equals("env:HOOK_SECRET")) {
            return Secret.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        }
        throw new IllegalArgumentException("no secret " + ref);
    };

    private static Delivery delivery(String id) {
        Endpoint e = Endpoint.builder("https://hooks.example/t/secret-token?x=1").id("ci")
                .signature(SignatureScheme.STANDARD_WEBHOOKS, Secret.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), "env:HOOK_SECRET")
                .header("X-Team", "builds").timeout(Duration.ofSeconds(3)).build();
        return new Delivery(id, e, ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8), Map.of("X-Event", "push"));
    }

    private static DeliveryJournal open(Path file, List<String> warnings) throws Exception {
        return DeliveryJournal.open(file, DeliveryJournal.Durability.SYNC, warnings::add);
    }

    private static Attempt attempt(int n, int status) {
        return new Attempt(n, NOW, status, status == 0 ? "connection refused" : null, Duration.ofMillis(12), "x");
    }

    @Test
    void shouldRestoreUnfinishedDeliveriesWithTheSameIdAndBytes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("journal.jsonl");
        Delivery original = delivery("msg_a");
        try (DeliveryJournal j = open(file, new ArrayList<>())) {
            j.begin(List.of(original, delivery("msg_b")), NOW);
            j.attempt("msg_a", attempt(1, 503));
            j.attempt("msg_b", attempt(1, 200));
            j.finish(new DeliveryResult("ci", "https://hooks.example/…", "msg_b", Outcome.DELIVERED, 200,
                    List.of(attempt(1, 200)), ""));
        }

        try (DeliveryJournal j = open(file, new ArrayList<>())) {
            assertThat(j.unfinished()).extracting(JournalEntry::id).containsExactly("msg_a");
            JournalEntry entry = j.unfinished().get(0);
            assertThat(entry.attempts()).extracting(Attempt::status).containsExactly(503);
            Delivery resumed = entry.toDelivery(SECRETS);
            assertThat(resumed.id()).isEqualTo("msg_a");
            assertThat(resumed.body()).isEqualTo(original.body());
            assertThat(resumed.headers()).isEqualTo(Map.of("X-Event", "push"));
            assertThat(resumed.endpoint().url()).isEqualTo(original.endpoint().url());
            assertThat(resumed.endpoint().signature()).isEqualTo(SignatureScheme.STANDARD_WEBHOOKS);
            assertThat(resumed.endpoint().headers()).isEqualTo(Map.of("X-Team", "builds"));
            assertThat(resumed.endpoint().timeout()).isEqualTo(Duration.ofSeconds(3));
            assertThat(j.entry("msg_b").orElseThrow().outcome()).isEqualTo(Outcome.DELIVERED);
        }
    }

    @Test
    void shouldNeverWriteSecretValuesAndKeepTheFilePrivate(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("journal.jsonl");
        try (DeliveryJournal j = open(file, new ArrayList<>())) {
            j.begin(List.of(delivery("msg_a")), NOW);
        }

        String text = Files.readString(file);
        assertThat(text).doesNotContain("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").contains("env:HOOK_SECRET");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void shouldSkipATornLastLineWithAWarningAndAppendCleanly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("journal.jsonl");
        try (DeliveryJournal j = open(file, new ArrayList<>())) {
            j.begin(List.of(delivery("msg_a")), NOW);
            j.attempt("msg_a", attempt(1, 503));
        }
        byte[] intact = Files.readAllBytes(file);
        Files.write(file, "{\"type\":\"attempt\",\"id\":\"msg_a\",\"n\":2,\"at\":\"20".getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.APPEND);
        List<String> warnings = new ArrayList<>();

        try (DeliveryJournal j = open(file, warnings)) {
            assertThat(warnings).singleElement().asString().contains("line 4").contains("incomplete");
            assertThat(j.entry("msg_a").orElseThrow().attempts()).hasSize(1);
            assertThat(Files.readAllBytes(file)).isEqualTo(intact);
            j.attempt("msg_a", attempt(2, 200));
        }
        List<String> again = new ArrayList<>();
        try (DeliveryJournal j = open(file, again)) {
            assertThat(again).isEmpty();
            assertThat(j.entry("msg_a").orElseThrow().attempts()).extracting(Attempt::status).containsExactly(503, 200);
        }
    }

    @Test
    void shouldSkipCorruptLinesNamingThem(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("journal.jsonl");
        try (DeliveryJournal j = open(file, new ArrayList<>())) {
            j.begin(List.of(delivery("msg_a")), NOW);
        }
        Files.write(file, "not json\n".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        List<String> warnings = new ArrayList<>();

        try (DeliveryJournal j = open(file, warnings)) {
            assertThat(warnings).singleElement().asString().contains("journal.jsonl:3");
            assertThat(j.unfinished()).hasSize(1);
        }
    }

    @Test
    void shouldCompactAwayFinishedDeliveries(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("journal.jsonl");
        try (DeliveryJournal j = open(file, new ArrayList<>())) {
            j.begin(List.of(delivery("msg_a"), delivery("msg_b")), NOW);
            j.attempt("msg_a", attempt(1, 0));
            j.finish(new DeliveryResult("ci", "u", "msg_b", Outcome.DELIVERED, 200, List.of(), ""));
            long before = Files.size(file);

            assertThat(j.compact()).isEqualTo(1);

            assertThat(Files.size(file)).isLessThan(before);
            j.attempt("msg_a", attempt(2, 200));
        }
        try (DeliveryJournal j = open(file, new ArrayList<>())) {
            assertThat(j.entries()).extracting(JournalEntry::id).containsExactly("msg_a");
            assertThat(j.entry("msg_a").orElseThrow().createdAt()).isEqualTo(NOW.toString());
            assertThat(j.entry("msg_a").orElseThrow().attempts()).extracting(Attempt::error)
                    .containsExactly("connection refused", null);
            assertThat(j.entry("msg_a").orElseThrow().toDelivery(SECRETS).endpoint().id()).isEqualTo("ci");
        }
    }

    @Test
    void shouldReopenFinishedDeliveriesOnResume(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("journal.jsonl");
        try (DeliveryJournal j = open(file, new ArrayList<>())) {
            j.begin(List.of(delivery("msg_a")), NOW);
            j.finish(new DeliveryResult("ci", "u", "msg_a", Outcome.FAILED, 400, List.of(), "HTTP 400"));
            j.resume("msg_a", NOW);
        }
        try (DeliveryJournal j = open(file, new ArrayList<>())) {
            assertThat(j.unfinished()).extracting(JournalEntry::id).containsExactly("msg_a");
        }
    }

    @Test
    void shouldNameTheMissingSecretReference(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("journal.jsonl");
        try (DeliveryJournal j = open(file, new ArrayList<>())) {
            j.begin(List.of(delivery("msg_a")), NOW);
            JournalEntry entry = j.entry("msg_a").orElseThrow();

            assertThatThrownBy(() -> entry.toDelivery(SecretLookup.environment(name -> null)))
                    .hasMessageContaining("HOOK_SECRET");
        }
    }

    @Test
    void shouldRefuseASecondWriterOfTheSameJournal(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("journal.jsonl");
        try (DeliveryJournal j = open(file, new ArrayList<>())) {
            j.begin(List.of(delivery("msg_a")), NOW);

            assertThatThrownBy(() -> open(file, new ArrayList<>())).isInstanceOf(java.io.IOException.class)
                    .hasMessageContaining("journal.jsonl").hasMessageContaining("already open");
            j.compact(e -> true);
            assertThatThrownBy(() -> open(file, new ArrayList<>())).isInstanceOf(java.io.IOException.class);
            j.attempt("msg_a", attempt(1, 200));
        }
        try (DeliveryJournal j = open(file, new ArrayList<>())) {
            assertThat(j.entry("msg_a").orElseThrow().attempts()).hasSize(1);
        }
    }

    private static final String SECRET_URL = "https://hooks.example/services/T0/xyzzy-url-token?key=abc123";

    private static Delivery deliveryToSecretUrl(String id) {
        Endpoint e = Endpoint.builder(SECRET_URL).urlRef("credentials:hook-url").id("slack")
                .bearer(Secret.of("b3arer-value"), "credentials:hook-auth").build();
        return new Delivery(id, e, "{}".getBytes(StandardCharsets.UTF_8), Map.of());
    }

    @Test
    void shouldStoreOnlyTheReferenceOfASecretUrlAndResolveItOnResume(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("journal.jsonl");
        try (DeliveryJournal j = open(file, new ArrayList<>())) {
            j.begin(List.of(deliveryToSecretUrl("msg_a"), deliveryToSecretUrl("msg_b")), NOW);
            j.finish(new DeliveryResult("slack", "https://hooks.example/…", "msg_b", Outcome.DELIVERED, 200, List.of(), ""));
            j.compact(); // the rewritten file must keep the reference form too
        }

        String bytes = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        assertThat(bytes).doesNotContain("xyzzy-url-token").doesNotContain("abc123").doesNotContain("/services/")
                .doesNotContain("b3arer-value")
                .contains("\"urlRef\":\"credentials:hook-url\"").contains("https://hooks.example/…");
        SecretLookup credentials = ref -> switch (ref) {
            case "credentials:hook-url" -> Secret.of(SECRET_URL);
            case "credentials:hook-auth" -> Secret.of("b3arer-value");
            default -> throw new IllegalArgumentException("no secret " + ref);
        };
        try (DeliveryJournal j = open(file, new ArrayList<>())) {
            Endpoint resumed = j.entry("msg_a").orElseThrow().toDelivery(credentials).endpoint();
            assertThat(resumed.url()).hasToString(SECRET_URL);
            assertThat(resumed.urlRef()).contains("credentials:hook-url");
            assertThat(resumed.id()).isEqualTo("slack");
            assertThat(resumed.bearer()).contains(Secret.of("b3arer-value"));
        }
    }

    @Test
    void shouldNameTheUrlReferenceThatCannotBeResolvedOnResume(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("journal.jsonl");
        try (DeliveryJournal j = open(file, new ArrayList<>())) {
            j.begin(List.of(deliveryToSecretUrl("msg_a")), NOW);
            JournalEntry entry = j.entry("msg_a").orElseThrow();

            assertThatThrownBy(() -> entry.toDelivery(ref -> {
                throw new IllegalArgumentException("credentials \"" + ref.substring(12) + "\" no longer exist");
            })).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("endpoint slack").hasMessageContaining("'credentials:hook-url'")
                    .hasMessageContaining("hook-url\" no longer exist").hasMessageNotContaining("xyzzy");
            assertThatThrownBy(() -> entry.toDelivery(ref -> Secret.of("ftp://hooks.example/xyzzy-other")))
                    .hasMessageContaining("'credentials:hook-url'").hasMessageContaining("http://")
                    .hasMessageNotContaining("xyzzy");
        }
    }

    @Test
    void shouldStillStorePlainUrlsInFull(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("journal.jsonl");
        try (DeliveryJournal j = open(file, new ArrayList<>())) {
            j.begin(List.of(delivery("msg_a")), NOW);
        }

        assertThat(Files.readString(file)).contains("https://hooks.example/t/secret-token?x=1").doesNotContain("urlRef");
    }
    /** A build log, as a user might give it to --journal by mistake. */
    private static byte[] buildLog() throws Exception {
        try (var in = DeliveryJournalTest.class.getResourceAsStream("/fixtures/docker/docker-classic-build.txt")) {
            return in.readAllBytes();
        }
    }

    @Test
    void shouldRefuseAFileThatIsNotAJournalAndLeaveItByteForByteAsItWas(@TempDir Path dir) throws Exception {
        for (DeliveryJournal.Damage damage : DeliveryJournal.Damage.values()) {
            Path file = dir.resolve("build-" + damage + ".log");
            Files.write(file, buildLog());
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            var modified = Files.getLastModifiedTime(file);
            List<String> warnings = new ArrayList<>();

            assertThatThrownBy(() -> DeliveryJournal.open(file, DeliveryJournal.Durability.SYNC, warnings::add, damage))
                    .isInstanceOf(java.io.IOException.class)
                    .hasMessageStartingWith(file + " is not a delivery journal");

            assertThat(Files.readAllBytes(file)).isEqualTo(buildLog());
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
            assertThat(Files.getLastModifiedTime(file)).isEqualTo(modified);
            assertThat(warnings).isEmpty();
            // refused, and not left open: the next try is refused for the same reason
            assertThatThrownBy(() -> open(file, warnings)).hasMessageContaining("is not a delivery journal");
        }
    }

    @Test
    void shouldRefuseAJournalWithUnreadableRecordsWhenAskedToLeavingItUntouched(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("journal.jsonl");
        try (DeliveryJournal j = open(file, new ArrayList<>())) {
            j.begin(List.of(delivery("msg_a")), NOW);
        }
        Files.write(file, "not json\n{\"type\":\"attempt\",\"id\":\"msg_a\",\"n\":2,\"at\":\"20".getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.APPEND);
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> DeliveryJournal.open(file, DeliveryJournal.Durability.SYNC, w -> { },
                DeliveryJournal.Damage.REFUSE))
                .hasMessageStartingWith(file + " is not a delivery journal (line 3 is not a journal record");

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void shouldMakeAnExistingJournalPrivate(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("journal.jsonl");
        try (DeliveryJournal j = open(file, new ArrayList<>())) {
            j.begin(List.of(delivery("msg_a")), NOW);
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        try (DeliveryJournal j = open(file, new ArrayList<>())) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(j.entries()).hasSize(1);
        }
    }

    @Test
    void shouldTakeAnEmptyFileAsANewJournalAndMarkIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("journal.jsonl");
        Files.createFile(file);

        try (DeliveryJournal j = open(file, new ArrayList<>())) {
            j.begin(List.of(delivery("msg_a")), NOW);
        }

        assertThat(Files.readAllLines(file).get(0))
                .isEqualTo("{\"type\":\"journal\",\"format\":\"docker-build-webhooks delivery journal\",\"version\":1}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void shouldReadAndExtendAJournalWrittenBeforeTheHeaderExisted(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("journal.jsonl");
        try (DeliveryJournal j = open(file, new ArrayList<>())) {
            j.begin(List.of(delivery("msg_a")), NOW);
            j.attempt("msg_a", attempt(1, 503));
        }
        // what versions before the header wrote: the same records, no header line
        List<String> lines = Files.readAllLines(file);
        Files.write(file, lines.subList(1, lines.size()));
        List<String> warnings = new ArrayList<>();

        try (DeliveryJournal j = open(file, warnings)) {
            assertThat(j.unfinished()).extracting(JournalEntry::id).containsExactly("msg_a");
            j.attempt("msg_a", attempt(2, 200));
        }
        try (DeliveryJournal j = DeliveryJournal.open(file, DeliveryJournal.Durability.SYNC, warnings::add,
                DeliveryJournal.Damage.REFUSE)) {
            assertThat(j.entry("msg_a").orElseThrow().attempts()).extracting(Attempt::status).containsExactly(503, 200);
        }
        assertThat(warnings).isEmpty();
    }

    @Test
    void shouldCompactAwayOnlyDeliveredDeliveries(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("journal.jsonl");
        try (DeliveryJournal j = open(file, new ArrayList<>())) {
            List<Delivery> all = new ArrayList<>();
            for (String id : List.of("msg_ok", "msg_redirect", "msg_failed", "msg_gone", "msg_blocked", "msg_open")) {
                all.add(delivery(id));
            }
            j.begin(all, NOW);
            finish(j, "msg_ok", Outcome.DELIVERED);
            finish(j, "msg_redirect", Outcome.DELIVERED_REDIRECT);
            finish(j, "msg_failed", Outcome.FAILED);
            finish(j, "msg_gone", Outcome.GONE);
            finish(j, "msg_blocked", Outcome.BLOCKED);

            assertThat(j.compact()).isEqualTo(2);
        }
        try (DeliveryJournal j = open(file, new ArrayList<>())) {
            assertThat(j.entries()).extracting(JournalEntry::id)
                    .containsExactly("msg_failed", "msg_gone", "msg_blocked", "msg_open");
            assertThat(j.entry("msg_failed").orElseThrow().outcome()).isEqualTo(Outcome.FAILED);
        }
    }

    @Test
    void shouldKeepUnreadableLinesWhenCompacting(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("journal.jsonl");
        try (DeliveryJournal j = open(file, new ArrayList<>())) {
            j.begin(List.of(delivery("msg_a")), NOW);
        }
        Files.write(file, "{\"type\":\"from-a-newer-version\",\"id\":\"msg_a\"}\n".getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.APPEND);

        try (DeliveryJournal j = open(file, new ArrayList<>())) {
            j.compact();
        }

        assertThat(Files.readString(file)).contains("{\"type\":\"from-a-newer-version\",\"id\":\"msg_a\"}\n");
    }

    private static void finish(DeliveryJournal j, String id, Outcome outcome) {
        j.finish(new DeliveryResult("ci", "u", id, outcome, 0, List.of(), ""));
    }

    @Test
    void shouldKeepUnsyncedRecordsInOrderAndForceThemOnSync(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("journal.jsonl");
        try (DeliveryJournal j = open(file, new ArrayList<>())) {
            j.begin(List.of(delivery("msg_a"), delivery("msg_b")), NOW);
            j.attemptUnsynced("msg_a", attempt(1, 503));
            j.attemptUnsynced("msg_a", attempt(2, 200));
            j.finishUnsynced(new DeliveryResult("ci", "https://hooks.example/…", "msg_a", Outcome.DELIVERED, 200,
                    List.of(attempt(1, 503), attempt(2, 200)), ""));
            assertThat(j.entry("msg_a").orElseThrow().finished()).as("known at once in memory").isTrue();
            j.sync();
            j.sync(); // nothing left to force: a no-op
        }

        try (DeliveryJournal j = open(file, new ArrayList<>())) {
            JournalEntry a = j.entry("msg_a").orElseThrow();
            assertThat(a.attempts()).extracting(Attempt::status).containsExactly(503, 200);
            assertThat(a.outcome()).isEqualTo(Outcome.DELIVERED);
            assertThat(j.unfinished()).extracting(JournalEntry::id).containsExactly("msg_b");
        }
    }

    @Test
    void shouldKeepUnsyncedRecordsThroughACompaction(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("journal.jsonl");
        try (DeliveryJournal j = open(file, new ArrayList<>())) {
            j.begin(List.of(delivery("msg_a"), delivery("msg_b")), NOW);
            j.attemptUnsynced("msg_a", attempt(1, 503));
            j.finishUnsynced(new DeliveryResult("ci", "https://hooks.example/…", "msg_b", Outcome.FAILED, 400,
                    List.of(), "HTTP 400 (not retried)"));

            j.compact(e -> true);
            j.sync();
        }

        try (DeliveryJournal j = open(file, new ArrayList<>())) {
            assertThat(j.entry("msg_a").orElseThrow().attempts()).extracting(Attempt::status).containsExactly(503);
            assertThat(j.entry("msg_b").orElseThrow().outcome()).isEqualTo(Outcome.FAILED);
        }
    }
}
