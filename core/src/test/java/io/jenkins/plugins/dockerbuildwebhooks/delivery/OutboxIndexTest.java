package io.jenkins.plugins.dockerbuildwebhooks.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox's delivery → build index on disk, without Jenkins. */
class OutboxIndexTest {
    private static final Instant T0 = Instant.parse("2026-11-28T04:00:00Z");

    @Test
    void shouldFindLinksAgainAfterReopening(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("outbox-index.jsonl");
        OutboxIndex index = OutboxIndex.open(file, w -> {});
        index.addAll(List.of(new OutboxIndex.Link("msg_a", "p#1", null, T0),
                new OutboxIndex.Link("msg_b", "folder/p#2", "msg_a", T0.plusSeconds(5))));

        OutboxIndex reopened = OutboxIndex.open(file, w -> {});

        assertThat(reopened.find("msg_a")).contains(new OutboxIndex.Link("msg_a", "p#1", null, T0));
        assertThat(reopened.find("msg_b")).hasValueSatisfying(l -> {
            assertThat(l.ownerId()).isEqualTo("folder/p#2");
            assertThat(l.redeliveryOf()).isEqualTo("msg_a");
        });
        assertThat(reopened.find("msg_c")).isEmpty();
    }

    @Test
    void shouldSkipATornLastLineAndUnreadableLinesWithAWarning(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("outbox-index.jsonl");
        OutboxIndex.open(file, w -> {}).addAll(List.of(new OutboxIndex.Link("msg_a", "p#1", null, T0)));
        Files.writeString(file, "not json\n{\"id\":\"msg_b\",\"run\":\"p#2\",\"at\":\"2026-", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        List<String> warnings = new ArrayList<>();

        OutboxIndex index = OutboxIndex.open(file, warnings::add);

        assertThat(index.find("msg_a")).isPresent();
        assertThat(index.find("msg_b")).isEmpty();
        assertThat(warnings).hasSize(2).anySatisfy(w -> assertThat(w).contains(":2: unreadable line skipped"))
                .anySatisfy(w -> assertThat(w).contains("line 3 is incomplete"));
    }

    @Test
    void shouldRewriteTheFileWithOnlyTheLinksKept(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("outbox-index.jsonl");
        OutboxIndex index = OutboxIndex.open(file, w -> {});
        index.addAll(List.of(new OutboxIndex.Link("old", "p#1", null, T0),
                new OutboxIndex.Link("new", "p#2", null, T0.plusSeconds(3600))));

        int dropped = index.retain(l -> l.created().isAfter(T0));

        assertThat(dropped).isEqualTo(1);
        assertThat(index.find("old")).isEmpty();
        OutboxIndex reopened = OutboxIndex.open(file, w -> {});
        assertThat(reopened.find("old")).isEmpty();
        assertThat(reopened.find("new")).isPresent();
        assertThat(reopened.size()).isEqualTo(1);
    }

    @Test
    void shouldPruneOldFinishedDeliveriesButKeepUnfinishedAndRecentOnes(@TempDir Path dir) throws Exception {
        OutboxIndex index = OutboxIndex.open(dir.resolve("outbox-index.jsonl"), w -> {});
        try (DeliveryJournal journal = DeliveryJournal.open(dir.resolve("outbox.jsonl"), DeliveryJournal.Durability.OS_BUFFERED,
                w -> {})) {
            journal.begin(List.of(delivery("old_done"), delivery("old_open"), delivery("new_done"), delivery("unlinked")),
                    T0);
            for (String id : List.of("old_done", "new_done", "unlinked")) {
                journal.finish(new DeliveryResult("ci", "u", id, Outcome.DELIVERED, 200, List.of(), ""));
            }
            index.addAll(List.of(new OutboxIndex.Link("old_done", "p#1", null, T0),
                    new OutboxIndex.Link("old_open", "p#1", null, T0),
                    new OutboxIndex.Link("new_done", "p#2", null, T0.plusSeconds(7200))));

            int dropped = index.prune(journal, T0.plusSeconds(3600));

            assertThat(dropped).isEqualTo(1);
            assertThat(index.find("old_done")).isEmpty();
            assertThat(index.find("old_open")).isPresent();
            assertThat(index.find("new_done")).isPresent();
            assertThat(journal.entries()).extracting(JournalEntry::id).containsExactlyInAnyOrder("old_open", "new_done");
        }
    }

    private static Delivery delivery(String id) {
        Endpoint e = Endpoint.builder("https://hooks.example/hook").id("ci").build();
        return new Delivery(id, e, "{}".getBytes(StandardCharsets.UTF_8), java.util.Map.of());
    }
}
