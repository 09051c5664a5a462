package io.jenkins.plugins.dockerbuildwebhooks.cli.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads the lines of a request's head and of chunked framing: ended by CRLF, or by a bare LF as
 * RFC 9112 lets a recipient accept; a CR anywhere else is malformed. Bytes are read as ISO-8859-1,
 * so every byte maps to one character and nothing is lost.
 */
final class LineReader {
    enum End { LINE, EOF, TRUNCATED, TOO_LONG, BARE_CR }

    /** A line's text without its ending, or why there is none. */
    record Line(String text, End end, int bytes) {
        boolean ok() {
            return end == End.LINE;
        }
    }

    private final InputStream in;

    LineReader(InputStream in) {
        this.in = in;
    }

    /** The next line of at most {@code max} bytes (ending excluded); EOF only when the stream ends before its first byte. */
    Line read(int max) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(Math.min(max, 256));
        int count = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                return new Line(null, count == 0 ? End.EOF : End.TRUNCATED, count);
            }
            count++;
            if (b == '\n') {
                return new Line(line.toString(StandardCharsets.ISO_8859_1), End.LINE, count);
            }
            if (b == '\r') {
                int next = in.read();
                count++;
                return next == '\n' ? new Line(line.toString(StandardCharsets.ISO_8859_1), End.LINE, count)
                        : new Line(null, End.BARE_CR, count);
            }
            if (count > max) {
                return new Line(null, End.TOO_LONG, count);
            }
            line.write(b);
        }
    }
}
