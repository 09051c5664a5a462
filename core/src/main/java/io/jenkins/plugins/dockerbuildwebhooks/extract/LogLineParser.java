package io.jenkins.plugins.dockerbuildwebhooks.extract;

import java.nio.charset.StandardCharsets;

/**
 * Turns the scanner's clean lines into calls on the formats. Prefixes are stripped on bytes
 * (blanks, a timestamp in brackets, BuildKit's {@code #N}, the TTY's {@code =>}, podman's
 * {@code [i/n]}); the first byte of what remains decides whether the line can matter at all, so
 * only a small share of the lines of a big log is ever decoded into a string.
 */
final class LogLineParser implements LineScanner.LineSink {
    /**
     * The first two bytes of every line text some format accepts (a 64-hex line is checked by
     * length instead). Keep in step with the formats: a prefix missing here is a line never seen.
     */
    static final String[] PREFIXES = {
        "Step 1/", "Sending build context", "Successfully ", "The command '", "The push refers to repository [",
        "[internal] load", "writing image ", "naming to ", "exporting config ", "exporting manifest ",
        "exporting attestation ", "executor failed", "error: ", "pushing ",
        "sha256:", "STEP 1/", "COPY failed: ", "ADD failed: ", "COMMIT", "Copying config ", "--> ", "ERROR", "Error"
    };
    private static final byte[][] PREFIX_BYTES = new byte[PREFIXES.length][];
    private static final boolean[] CANDIDATE = new boolean[1 << 16];
    private static final byte[] PUSH_DIGEST = ": digest: ".getBytes(StandardCharsets.US_ASCII);
    /** Longest bracketed timestamp prefix skipped, e.g. {@code [2024-05-01T10:00:00.123Z]}. */
    private static final int MAX_TIMESTAMP = 40;

    static {
        for (int i = 0; i < PREFIXES.length; i++) {
            PREFIX_BYTES[i] = PREFIXES[i].getBytes(StandardCharsets.US_ASCII);
            CANDIDATE[PREFIXES[i].charAt(0) << 8 | PREFIXES[i].charAt(1)] = true;
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

    /** Whether the byte-level filter is on; off only in tests that check it drops no line that matters. */
    private final boolean filtering;

    LogLineParser(BuildLogState state) {
        this(state, true);
    }

    LogLineParser(BuildLogState state, boolean filtering) {
        this.state = state;
        this.filtering = filtering;
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
        if (filtering && !worthDecoding(b, p, end)) {
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

    /** The cheap byte-level filter: true only for lines some format may accept. */
    private boolean worthDecoding(byte[] b, int p, int end) {
        int first = b[p] & 0xff;
        if (end - p >= 2 && CANDIDATE[first << 8 | (b[p + 1] & 0xff)] && startsWithPrefix(b, p, end)) {
            // BuildKit vertex digests and layer progress (#5 sha256:...) are never results, and
            // only vertex #1 "[internal] load ..." starts a build
            return !(context.hasVertex() && first == 's' && b[p + 1] == 'h') && (first != '[' || context.vertex == 1);
        }
        if (end - p == 64 && isHex(first)) {
            return true;
        }
        PushInProgress push = state.push();
        if (push == null) {
            return false;
        }
        // inside a docker push: its tag digest lines (a tag may look like a layer ID, e.g. a
        // 12-digit commit hash), and its first other line (the error if it failed)
        if (indexOf(b, p, end, PUSH_DIGEST) >= 0) {
            return true;
        }
        return !isLayerProgress(b, p, end) && push.message == null;
    }

    private static boolean startsWithPrefix(byte[] b, int p, int end) {
        for (byte[] prefix : PREFIX_BYTES) {
            if (prefix[0] == b[p] && prefix[1] == b[p + 1] && end - p >= prefix.length && regionMatches(b, p, prefix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean regionMatches(byte[] b, int p, byte[] prefix) {
        for (int i = 2; i < prefix.length; i++) {
            if (b[p + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] b, int p, int end, byte[] needle) {
        outer:
        for (int i = p; i <= end - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (b[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
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
