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
        int[] reported = new int[1];
        BuildLogState state = new BuildLogState(source, f -> {
            reported[0]++;
            facts.accept(f);
        }, n -> {
            reported[0]++;
            notes.accept(n);
        });
        LogLineParser parser = new LogLineParser(state, filtering);
        LineScanner scanner = new LineScanner(parser);
        NulDetector sniffed = new NulDetector(in);
        scanner.scan(sniffed);
        state.finish();
        if (reported[0] == 0) {
            // a wrong file (an empty one, a binary, the output of another step) must not pass silently
            notes.accept(new Note(Note.Kind.WARNING, source + ": " + nothingRecognised(scanner.bytesScanned(),
                    sniffed.sawNul())));
        }
        return new Work(scanner.bytesScanned(), scanner.lines(), parser.decoded(), parser.decodedBytes());
    }

    private static String nothingRecognised(long bytes, boolean binary) {
        if (bytes == 0) {
            return "is empty: no build or push output recognised";
        }
        return (binary ? "is not text (it holds NUL bytes): " : "")
                + "no build or push output of docker, BuildKit, buildx, podman or buildah recognised in it";
    }

    /** Passes a stream through, noting whether its first bytes hold a NUL, as binary files do and text never does. */
    private static final class NulDetector extends java.io.FilterInputStream {
        private static final int SNIFF = 64 * 1024;
        private long seen;
        private boolean nul;

        NulDetector(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            for (int i = 0; i < n && seen < SNIFF && !nul; i++, seen++) {
                nul = b[off + i] == 0;
            }
            return n;
        }

        boolean sawNul() {
            return nul;
        }
    }

    /** Bytes read, lines found, lines and bytes decoded into strings for the formats. */
    record Work(long bytes, long lines, long decodedLines, long decodedBytes) {}
}
