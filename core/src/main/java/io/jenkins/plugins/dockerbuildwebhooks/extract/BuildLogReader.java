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
        BuildLogState state = new BuildLogState(source, facts, notes);
        new LineScanner(new LogLineParser(state)).scan(in);
        state.finish();
    }
}
