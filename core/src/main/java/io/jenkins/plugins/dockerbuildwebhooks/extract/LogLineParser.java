package io.jenkins.plugins.dockerbuildwebhooks.extract;

import java.nio.charset.StandardCharsets;

/**
 * Turns the scanner's clean lines into calls on the formats. Prefixes are stripped on bytes
 * (blanks, a timestamp in brackets, BuildKit's {@code #N}, the TTY's {@code =>}, podman's
 * {@code [i/n]}); the first byte of what remains decides whether the line can matter at all, so
 * only a small share of the lines of a big log is ever decoded into a string.
 */
final class LogLineParser implements LineScanner.LineSink {
    /** First bytes of every line text some format accepts; a 64-hex line is checked by length. */
    private static final boolean[] CANDIDATE = new boolean[256];
    /** Longest bracketed timestamp prefix skipped, e.g. {@code [2024-05-01T10:00:00.123Z]}. */
    private static final int MAX_TIMESTAMP = 40;

    static {
        for (char c : "STwnepsCE-[".toCharArray()) {
            CANDIDATE[c] = true;
        }
    }

    private final BuildLogState state;
    private final LogFormat[] formats = {
        new ClassicBuilderFormat(), new BuildKitFormat(), new PodmanFormat(), new BareIdFormat(),
        new DaemonErrorFormat(), new DockerPushFormat()
    };
    private final LineContext context = new LineContext();
    private long decoded;
    private long decodedBytes;

    LogLineParser(BuildLogState state) {
        this.state = state;
    }

    @Override
    public void line(byte[] b, int offset, int length) {
        int end = offset + length;
        while (end > offset && isBlank(b[end - 1])) {
            end--;
        }
        int p = skipBlanks(b, offset, end);
        if (p == end) {
            return;
        }
        context.vertex = -1;
        context.stage = -1;
        if (b[p] == '[') {
            p = skipBlanks(b, skipTimestamp(b, p, end), end);
        }
        if (p < end && b[p] == '#') {
            p = vertex(b, p, end);
        }
        while (p + 2 < end && b[p] == '=' && b[p + 1] == '>' && b[p + 2] == ' ') {
            p = skipBlanks(b, p + 3, end);
        }
        if (p < end && b[p] == '[') {
            p = stage(b, p, end);
        }
        if (p == end) {
            return;
        }
        int first = b[p] & 0xff;
        boolean inPush = state.push() != null;
        if (!CANDIDATE[first] && !(end - p == 64 && isHex(first)) && !inPush) {
            return;
        }
        if (inPush && !CANDIDATE[first] && isLayerProgress(b, p, end)) {
            return;
        }
        decoded++;
        decodedBytes += end - p;
        String text = new String(b, p, end - p, StandardCharsets.UTF_8);
        for (LogFormat format : formats) {
            if (format.accept(text, context, state)) {
                return;
            }
        }
    }

    /** Lines decoded into strings (for tests of the pre-filter). */
    long decoded() {
        return decoded;
    }

    long decodedBytes() {
        return decodedBytes;
    }

    private static int skipTimestamp(byte[] b, int p, int end) {
        int limit = Math.min(end, p + MAX_TIMESTAMP);
        if (p + 1 >= end || !isDigit(b[p + 1])) {
            return p;
        }
        boolean colon = false;
        for (int i = p + 1; i < limit; i++) {
            if (b[i] == ':') {
                colon = true;
            } else if (b[i] == ']') {
                return colon && i + 1 < end && b[i + 1] == ' ' ? i + 1 : p;
            }
        }
        return p;
    }

    private int vertex(byte[] b, int p, int end) {
        int i = p + 1;
        int n = 0;
        while (i < end && isDigit(b[i]) && n < 1_000_000) {
            n = n * 10 + (b[i] - '0');
            i++;
        }
        if (i == p + 1 || i >= end || b[i] != ' ') {
            return p;
        }
        context.vertex = n;
        return skipBlanks(b, i + 1, end);
    }

    private int stage(byte[] b, int p, int end) {
        int i = p + 1;
        int n = 0;
        while (i < end && isDigit(b[i]) && n < 1_000_000) {
            n = n * 10 + (b[i] - '0');
            i++;
        }
        if (i == p + 1 || i >= end || b[i] != '/') {
            return p;
        }
        int j = i + 1;
        while (j < end && isDigit(b[j])) {
            j++;
        }
        if (j == i + 1 || j + 1 >= end || b[j] != ']' || b[j + 1] != ' ') {
            return p;
        }
        context.stage = n;
        return skipBlanks(b, j + 2, end);
    }

    private static boolean isLayerProgress(byte[] b, int p, int end) {
        if (end - p <= 13 || b[p + 12] != ':') {
            return false;
        }
        for (int i = p; i < p + 12; i++) {
            if (!isHex(b[i] & 0xff)) {
                return false;
            }
        }
        return true;
    }

    private static int skipBlanks(byte[] b, int p, int end) {
        while (p < end && isBlank(b[p])) {
            p++;
        }
        return p;
    }

    private static boolean isBlank(byte c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }
}
