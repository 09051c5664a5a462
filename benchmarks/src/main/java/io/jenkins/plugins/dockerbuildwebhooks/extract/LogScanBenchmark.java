package io.jenkins.plugins.dockerbuildwebhooks.extract;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * How fast a build log is scanned, on a 64 MiB in-memory log made of the real BuildKit, classic
 * builder and push outputs in the fixtures (the same mix as {@code scripts/bench-images.sh}).
 * One operation is one pass over the whole log; MiB/s = 64 / (seconds per operation).
 *
 * <ul>
 *   <li>{@code lines}: the line scanner alone (line ends, escapes), every line to a blackhole;
 *   <li>{@code extract}: the whole log reader (scanner, pre-filter, formats), facts to a blackhole;
 *   <li>{@code collect}: the reader feeding an {@link ImageCollector}, as {@code images --log} does.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LogScanBenchmark {
    /** The fixture logs the synthetic log is made of, in order. */
    static final String[] MIX = {
        "buildkit-plain-run-steps.txt", "docker-classic-build.txt", "docker-push.txt", "buildkit-plain.txt",
        "docker-push-all-tags.txt", "buildx-remote-build-push.txt", "docker-classic-build-run-steps.txt",
        "docker-push-multistage-runsteps-all-tags.txt", "buildkit-tty-ansi-wide.txt"
    };

    /** The fixtures folder, relative to where the benchmark runs (the repository root). */
    @Param("core/src/test/resources/fixtures/docker")
    public String fixtures;

    @Param("64")
    public int sizeMiB;

    private byte[] log;

    @Setup
    public void makeLog() throws IOException {
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        for (String name : MIX) {
            block.write(Files.readAllBytes(Path.of(fixtures, name)));
        }
        byte[] unit = block.toByteArray();
        long target = (long) sizeMiB << 20;
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) target + unit.length);
        while (out.size() < target) {
            out.write(unit);
        }
        log = out.toByteArray();
    }

    @Benchmark
    public void lines(Blackhole bh) throws IOException {
        new LineScanner((b, o, n) -> bh.consume(n)).scan(new ByteArrayInputStream(log));
    }

    @Benchmark
    public void extract(Blackhole bh) throws IOException {
        BuildLogReader.read(new ByteArrayInputStream(log), "bench.log", bh::consume, bh::consume);
    }

    @Benchmark
    public CollectedImages collect() throws IOException {
        return new ImageCollector().log(new ByteArrayInputStream(log), "bench.log").result();
    }
}
