package io.jenkins.plugins.dockerbuildwebhooks.deliveries;

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
            assertThat(l.runId()).isEqualTo("folder/p#2");
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
}
