package io.jenkins.plugins.dockerbuildwebhooks.cli.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request's body as its framing delimits it: a {@code Content-Length} or chunked. Reading it
 * never reads into the next request. The first read sends {@code 100 Continue} when the client
 * waits for one, so a body a handler refuses unread is never asked for.
 */
public final class RequestBody extends InputStream {
    private static final int MAX_CHUNK_LINE = 1024;

    private final InputStream in;
    private final boolean chunked;
    private final BeforeFirstRead beforeFirstRead;
    private final long declared;
    private long remaining;
    private boolean started;
    private boolean finished;
    private boolean firstChunk = true;

    RequestBody(InputStream in, BodyFraming framing, BeforeFirstRead beforeFirstRead) {
        this.in = in;
        this.chunked = framing.chunked();
        this.beforeFirstRead = beforeFirstRead;
        this.declared = framing.length();
        this.remaining = chunked ? 0 : declared;
        this.finished = !chunked && remaining == 0;
    }

    /** What the server does before the body's first byte is read: sends {@code 100 Continue} when asked for. */
    @FunctionalInterface
    interface BeforeFirstRead {
        void run() throws IOException;
    }

    /** The declared {@code Content-Length}, or -1 when chunked. */
    public long declaredLength() {
        return declared;
    }

    /** Whether the handler has begun reading it. */
    boolean started() {
        return started;
    }

    /** Whether every byte of it (and, when chunked, its trailer) has been read. */
    boolean finished() {
        return finished;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (!started) {
            started = true;
            if (!finished) {
                beforeFirstRead.run();
            }
        }
        if (length == 0) {
            return 0;
        }
        if (remaining == 0 && !finished && chunked) {
            nextChunk();
        }
        if (finished) {
            return -1;
        }
        int n = in.read(buffer, offset, (int) Math.min(length, remaining));
        if (n < 0) {
            throw new EOFException("the client closed the connection in the middle of the body");
        }
        remaining -= n;
        if (remaining == 0 && !chunked) {
            finished = true;
        }
        return n;
    }

    /** Reads and discards up to {@code max} bytes of what is left; true when the body is then finished. */
    boolean drain(long max) throws IOException {
        byte[] buffer = new byte[8192];
        long left = max;
        while (!finished && left > 0) {
            int n = read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                break;
            }
            left -= n;
        }
        return finished;
    }

    private void nextChunk() throws IOException {
        LineReader lines = new LineReader(in);
        if (!firstChunk) {
            LineReader.Line end = lines.read(0);
            if (!end.ok()) {
                throw problem(end, "chunk data not followed by CRLF");
            }
        }
        firstChunk = false;
        LineReader.Line size = lines.read(MAX_CHUNK_LINE);
        if (!size.ok()) {
            throw problem(size, "chunk size line malformed or longer than " + MAX_CHUNK_LINE + " bytes");
        }
        String text = size.text();
        int semicolon = text.indexOf(';');
        String hex = (semicolon < 0 ? text : text.substring(0, semicolon)).strip();
        if (hex.isEmpty() || hex.length() > 15 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new MalformedBodyException("chunk size is not a hexadecimal number: " + text);
        }
        remaining = Long.parseLong(hex, 16);
        if (remaining == 0) {
            trailer(lines);
            finished = true;
        }
    }

    private static void trailer(LineReader lines) throws IOException {
        int total = 0;
        while (true) {
            LineReader.Line line = lines.read(RequestHeadParser.MAX_LINE);
            if (!line.ok()) {
                throw problem(line, "trailer line malformed or too long");
            }
            total += line.bytes();
            if (total > RequestHeadParser.MAX_HEAD) {
                throw new MalformedBodyException("trailer larger than " + RequestHeadParser.MAX_HEAD + " bytes");
            }
            if (line.text().isEmpty()) {
                return;
            }
        }
    }

    private static IOException problem(LineReader.Line line, String what) {
        return line.end() == LineReader.End.EOF || line.end() == LineReader.End.TRUNCATED
                ? new EOFException("the client closed the connection in the middle of the body")
                : new MalformedBodyException(what);
    }
}
