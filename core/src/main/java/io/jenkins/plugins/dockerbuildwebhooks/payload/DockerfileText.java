package io.jenkins.plugins.dockerbuildwebhooks.payload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a Dockerfile for the payload's {@code dockerfile} field. Docker Hub never documented a
 * limit, but receivers and Standard Webhooks recommend small bodies, so at most
 * {@link #MAX_BYTES} bytes are kept; a longer file is cut at a character boundary and a comment
 * line says so. Bytes that are not UTF-8 become U+FFFD.
 */
public final class DockerfileText {
    /** Upper bound of the Dockerfile bytes placed in a payload. */
    public static final int MAX_BYTES = 64 * 1024;

    private DockerfileText() {}

    /** Reads at most {@link #MAX_BYTES} of the file, never the whole of a huge file. */
    public static String read(Path file) throws IOException {
        long size = Files.size(file);
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(MAX_BYTES);
        }
        return fromBytes(head, Math.max(size, head.length));
    }

    /** Decodes {@code head}, the first bytes of a file of {@code totalSize} bytes. */
    static String fromBytes(byte[] head, long totalSize) {
        boolean truncated = totalSize > head.length;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        ByteBuffer in = ByteBuffer.wrap(head);
        CharBuffer out = CharBuffer.allocate(head.length + 1);
        decoder.decode(in, out, !truncated);
        if (!truncated) {
            decoder.flush(out);
        }
        // When truncated, an incomplete multi-byte sequence at the end stays undecoded: the cut
        // lands on a character boundary instead of producing U+FFFD.
        out.flip();
        String text = out.toString();
        if (truncated) {
            text = text + (text.endsWith("\n") ? "" : "\n") + "# (truncated by docker-build-webhooks: "
                    + totalSize + " bytes in all, " + MAX_BYTES + " kept)\n";
        }
        return text;
    }
}
