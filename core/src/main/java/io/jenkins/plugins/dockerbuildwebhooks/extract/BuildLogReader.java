package io.jenkins.plugins.dockerbuildwebhooks.extract;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * Reads one build log (stdout and stderr of docker, BuildKit, buildx, podman or buildah, in any
 * mix and order) and reports what it shows as {@link ImageFact}s and {@link Note}s while it
 * reads. Memory does not grow with the log: a build's facts are handed over when the next build
 * starts or the log ends.
 */
public final class BuildLogReader {
    private BuildLogReader() {}

    /**
     * Reads {@code in} to its end; does not close it.
     *
     * @param source names the log in facts and notes, e.g. its file name or "console log"
     * @throws IOException only when reading the stream fails; no content makes this method throw
     */
    public static void read(InputStream in, String source, Consumer<ImageFact> facts, Consumer<Note> notes)
            throws IOException {
        readCounting(in, source, facts, notes);
    }

    /** Like {@link #read}, returning how much work it did (for the linear-time properties). */
    static Work readCounting(InputStream in, String source, Consumer<ImageFact> facts, Consumer<Note> notes)
            throws IOException {
        return readCounting(in, source, facts, notes, true);
    }

    static Work readCounting(InputStream in, String source, Consumer<ImageFact> facts, Consumer<Note> notes,
            boolean filtering) throws IOException {
        BuildLogState state = new BuildLogState(source, facts, notes);
        LogLineParser parser = new LogLineParser(state, filtering);
        LineScanner scanner = new LineScanner(parser);
        scanner.scan(in);
        state.finish();
        return new Work(scanner.bytesScanned(), scanner.lines(), parser.decoded(), parser.decodedBytes());
    }

    /** Bytes read, lines found, lines and bytes decoded into strings for the formats. */
    record Work(long bytes, long lines, long decodedLines, long decodedBytes) {}
}
