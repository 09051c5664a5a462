package io.jenkins.plugins.dockerbuildwebhooks.extract;

import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a byte stream into clean lines in constant memory: {@code \n}, {@code \r\n} and a bare
 * {@code \r} (a progress rewrite) all end a line; ANSI escape sequences (CSI, OSC and two-byte
 * escapes) are dropped, and so is text hidden with {@code ESC[8m} (how Jenkins embeds console
 * notes); a line longer than {@link #MAX_LINE} bytes keeps its first {@code MAX_LINE} bytes.
 *
 * <p>The loop touches every byte once. Lines without escapes that lie inside one read buffer are
 * handed to the sink without copying, which is nearly all of them.
 */
final class LineScanner {
    /** Longest line kept; every line that matters to image extraction is far shorter. */
    static final int MAX_LINE = 8 * 1024;
    static final int BUFFER_SIZE = 256 * 1024;

    /** Receives each line; the bytes are only valid during the call. */
    interface LineSink {
        void line(byte[] bytes, int offset, int length);
    }

    private static final byte ESC = 0x1b;
    private static final int NORMAL = 0;
    private static final int AFTER_ESC = 1;
    private static final int CSI = 2;
    private static final int OSC = 3;
    private static final int OSC_AFTER_ESC = 4;

    private final LineSink sink;
    private final byte[] line = new byte[MAX_LINE];
    private int lineLength;
    private boolean pending;
    private int state = NORMAL;
    private int csiParams;
    private boolean concealed;
    private long bytesScanned;
    private long lines;

    LineScanner(LineSink sink) {
        this.sink = sink;
    }

    /** Reads {@code in} to its end, handing every line to the sink. Does not close the stream. */
    void scan(InputStream in) throws IOException {
        byte[] buffer = new byte[BUFFER_SIZE];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            if (n > 0) {
                feed(buffer, 0, n);
            }
        }
        finish();
    }

    /** Feeds the next bytes of the stream; lines split across calls are joined. */
    void feed(byte[] buffer, int offset, int length) {
        int end = offset + length;
        int i = offset;
        bytesScanned += length;
        while (i < end) {
            if (state == NORMAL) {
                int start = i;
                while (i < end) {
                    byte b = buffer[i];
                    if (b <= ESC && (b == '\n' || b == '\r' || b == ESC)) {
                        break;
                    }
                    i++;
                }
                if (!concealed && (i > start)) {
                    if (i < end && buffer[i] != ESC && !pending) {
                        emit(buffer, start, Math.min(i - start, MAX_LINE));
                        i++;
                        continue;
                    }
                    append(buffer, start, i - start);
                }
                if (i == end) {
                    return;
                }
                byte b = buffer[i++];
                if (b == ESC) {
                    state = AFTER_ESC;
                    pending = true;
                } else {
                    endLine();
                }
            } else {
                i = escape(buffer[i], i);
            }
        }
    }

    private int escape(byte b, int i) {
        if (b == '\n' || b == '\r') {
            // a broken escape never swallows a line end
            state = NORMAL;
            endLine();
            return i + 1;
        }
        switch (state) {
            case AFTER_ESC:
                if (b == '[') {
                    state = CSI;
                    csiParams = 0;
                } else if (b == ']') {
                    state = OSC;
                } else {
                    state = NORMAL;
                }
                break;
            case CSI:
                if (b >= 0x40 && b <= 0x7e) {
                    if (b == 'm') {
                        // ESC[8m hides text until the next SGR (Jenkins console notes)
                        concealed = csiParams == '8';
                    }
                    state = NORMAL;
                } else {
                    csiParams = csiParams == 0 ? b : -1;
                }
                break;
            case OSC:
                if (b == 0x07) {
                    state = NORMAL;
                } else if (b == ESC) {
                    state = OSC_AFTER_ESC;
                }
                break;
            case OSC_AFTER_ESC:
                state = b == '\\' ? NORMAL : OSC;
                break;
            default:
                state = NORMAL;
        }
        return i + 1;
    }

    private void append(byte[] buffer, int start, int count) {
        pending = true;
        int room = MAX_LINE - lineLength;
        int n = Math.min(room, count);
        if (n > 0) {
            System.arraycopy(buffer, start, line, lineLength, n);
            lineLength += n;
        }
    }

    private void endLine() {
        emit(line, 0, lineLength);
        lineLength = 0;
        pending = false;
        concealed = false;
    }

    private void emit(byte[] bytes, int offset, int length) {
        lines++;
        sink.line(bytes, offset, length);
    }

    /** Hands over the last line if the stream did not end with a line break. */
    void finish() {
        if (pending || lineLength > 0) {
            endLine();
        }
        state = NORMAL;
    }

    /** Bytes fed so far: the measure of work for the linear-time property. */
    long bytesScanned() {
        return bytesScanned;
    }

    /** Lines handed to the sink so far. */
    long lines() {
        return lines;
    }
}
