package io.jenkins.plugins.dockerbuildwebhooks.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Fuzz and property tests of log reading: random and mutated input never makes it throw (reading
 * a byte array cannot fail, so no exception at all is allowed), escapes and read sizes change
 * nothing, and the work done is bounded by the input size.
 */
class LogReadingPropertiesTest {
    /** Build and push logs without escapes, so inserted escapes are the only ones. */
    private static final List<String> PLAIN_LOGS = List.of(
            "docker-classic-build.txt", "docker-classic-build-multistage.txt", "buildkit-plain.txt",
            "buildkit-plain-run-steps.txt", "buildx-remote-build-push.txt", "buildx-remote-build-load.txt",
            "buildx-build-push-docker-driver.txt", "podman-build.txt", "podman-build-multistage.txt",
            "buildah-bud.txt", "buildah-bud-multistage-no-iidfile.txt", "docker-push-all-tags.txt",
            "docker-push-error-registry-down.txt", "podman-push.txt", "buildkit-plain-failure.txt");
    private static final List<String> ALL_LOGS = new ArrayList<>(PLAIN_LOGS);

    static {
        ALL_LOGS.add("buildkit-tty-ansi-wide.txt");
        ALL_LOGS.add("docker-classic-build-failure.txt");
    }

    static byte[] fixture(String name) {
        try {
            return Files.readAllBytes(FixtureScenarios.folder().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CollectedImages collect(byte[] log) {
        try {
            return new ImageCollector().log(new ByteArrayInputStream(log), "fuzz.log").result();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Property(tries = 300)
    void shouldAcceptAnyBytes(@ForAll @Size(max = 5000) byte[] bytes) {
        CollectedImages result = collect(bytes);
        assertThat(result.images()).allSatisfy(b -> assertThat(b.tags()).isNotEmpty());
    }

    @Property(tries = 300)
    void shouldAcceptMutatedRealLogs(@ForAll("logs") String name, @ForAll("seeds") long seed) {
        byte[] mutated = mutate(fixture(name), new Random(seed));
        CollectedImages result = collect(mutated);
        assertThat(result.images()).allSatisfy(b -> assertThat(b.tags()).isNotEmpty());
    }

    @Property(tries = 200)
    void shouldIgnoreEscapesInsertedAnywhere(@ForAll("plainLogs") String name, @ForAll("seeds") long seed) {
        byte[] original = fixture(name);
        byte[] coloured = insertEscapes(original, new Random(seed));

        assertThat(FixtureScenarios.actual(collect(coloured))).isEqualTo(FixtureScenarios.actual(collect(original)));
    }

    @Property(tries = 200)
    void shouldGiveTheSameLinesWhateverTheReadSizes(@ForAll("allLogs") String name,
            @ForAll @IntRange(min = 1, max = 300) int chunk) {
        byte[] log = fixture(name);
        List<String> whole = new ArrayList<>();
        LineScanner once = new LineScanner((b, o, n) -> whole.add(new String(b, o, n, StandardCharsets.UTF_8)));
        once.feed(log, 0, log.length);
        once.finish();
        List<String> pieces = new ArrayList<>();
        LineScanner chunked = new LineScanner((b, o, n) -> pieces.add(new String(b, o, n, StandardCharsets.UTF_8)));
        for (int i = 0; i < log.length; i += chunk) {
            chunked.feed(log, i, Math.min(chunk, log.length - i));
        }
        chunked.finish();

        assertThat(pieces).isEqualTo(whole);
    }

    @Property(tries = 300)
    void shouldLoseNothingToTheByteLevelFilter(@ForAll("logs") String name, @ForAll("seeds") long seed)
            throws IOException {
        byte[] log = seed % 4 == 0 ? fixture(name) : mutate(fixture(name), new Random(seed));

        assertThat(factsAndNotes(log, true)).isEqualTo(factsAndNotes(log, false));
    }

    static List<String> factsAndNotes(byte[] log, boolean filtering) throws IOException {
        List<String> out = new ArrayList<>();
        BuildLogReader.readCounting(new ByteArrayInputStream(log), "fuzz.log", f -> out.add(f.toString()),
                n -> out.add(n.toString()), filtering);
        return out;
    }

    @Property(tries = 50)
    void shouldDoWorkBoundedByTheInputSize(@ForAll("hostileLines") String line,
            @ForAll @IntRange(min = 1, max = 2000) int copies) throws IOException {
        byte[] input = line.repeat(copies).getBytes(StandardCharsets.UTF_8);

        BuildLogReader.Work work = BuildLogReader.readCounting(new ByteArrayInputStream(input), "hostile.log",
                f -> { }, n -> { });

        assertThat(work.bytes()).isEqualTo(input.length);
        assertThat(work.lines()).isLessThanOrEqualTo(input.length + 1L);
        assertThat(work.decodedBytes()).as("each byte decoded at most once").isLessThanOrEqualTo(input.length);
        assertThat(work.decodedLines()).isLessThanOrEqualTo(work.lines());
    }

    /** A hang guard, not a speed test: inputs that would blow up quadratic or backtracking code. */
    @Example
    void shouldFinishOnHugeHostileInputs() {
        for (String unit : new String[] {"sha256:", "[1", "#1", "\u001b[", "=> ", "a", "The push refers to repository [",
                "Successfully tagged "}) {
            byte[] input = unit.repeat(4 * 1024 * 1024 / unit.length()).getBytes(StandardCharsets.UTF_8);
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> collect(input));
        }
    }

    @Provide
    Arbitrary<String> logs() {
        return Arbitraries.of(ALL_LOGS);
    }

    @Provide
    Arbitrary<String> plainLogs() {
        return Arbitraries.of(PLAIN_LOGS);
    }

    @Provide
    Arbitrary<String> allLogs() {
        return Arbitraries.of(ALL_LOGS);
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    @Provide
    Arbitrary<String> hostileLines() {
        Arbitrary<String> real = Arbitraries.of(ALL_LOGS).map(n -> new String(fixture(n), StandardCharsets.UTF_8))
                .map(s -> s.lines().skip(s.lines().count() / 2).findFirst().orElse("") + "\n");
        Arbitrary<String> crafted = Arbitraries.of(
                "#1 sha256:" + "a".repeat(64) + "\n",
                "Successfully tagged " + "x".repeat(300) + "\n",
                "1.0: digest: sha256:" + "f".repeat(70) + " size: 1\n",
                "[1/2] [3/4] [5/6] STEP 1/1: COMMIT a:b\r",
                "\u001b[1A\u001b[2K => => naming to a/b:c 0.0s\r",
                "The push refers to repository [" + "r/".repeat(200) + "\n",
                "=> ".repeat(500) + "writing image sha256:" + "b".repeat(64) + "\n");
        return Arbitraries.oneOf(real, crafted);
    }

    /** Deletes, duplicates, truncates, flips and inserts bytes. */
    static byte[] mutate(byte[] input, Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] current = input;
        for (int round = 0; round < 1 + random.nextInt(5); round++) {
            out.reset();
            int at = current.length == 0 ? 0 : random.nextInt(current.length);
            int length = Math.min(current.length - at, random.nextInt(64));
            switch (random.nextInt(5)) {
                case 0 -> { // delete a range
                    out.write(current, 0, at);
                    out.write(current, at + length, current.length - at - length);
                }
                case 1 -> { // duplicate a range
                    out.write(current, 0, at + length);
                    out.write(current, at, current.length - at);
                }
                case 2 -> out.write(current, 0, at); // truncate
                case 3 -> { // flip a byte
                    byte[] copy = current.clone();
                    if (copy.length > 0) {
                        copy[at] = (byte) random.nextInt(256);
                    }
                    out.write(copy, 0, copy.length);
                }
                default -> { // insert random bytes
                    out.write(current, 0, at);
                    byte[] noise = new byte[random.nextInt(32)];
                    random.nextBytes(noise);
                    out.write(noise, 0, noise.length);
                    out.write(current, at, current.length - at);
                }
            }
            current = out.toByteArray();
        }
        return current;
    }

    /** Puts SGR colour codes and cursor moves at random places, even inside words. */
    static byte[] insertEscapes(byte[] input, Random random) {
        String[] escapes = {"\u001b[0m", "\u001b[34m", "\u001b[1;31m", "\u001b[2K", "\u001b]0;title\u0007", "\u001b[?25l"};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : input) {
            if (random.nextInt(20) == 0) {
                byte[] e = escapes[random.nextInt(escapes.length)].getBytes(StandardCharsets.UTF_8);
                out.write(e, 0, e.length);
            }
            out.write(b);
        }
        return out.toByteArray();
    }
}
