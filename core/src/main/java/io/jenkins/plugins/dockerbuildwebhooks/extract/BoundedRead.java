package io.jenkins.plugins.dockerbuildwebhooks.extract;

import java.io.IOException;
import java.io.InputStream;

/** Reads a small file whole, refusing one larger than its kind can be. */
final class BoundedRead {
    private BoundedRead() {}

    static byte[] read(InputStream in, String source, int maxBytes, String kind) throws IOException {
        byte[] bytes = in.readNBytes(maxBytes + 1);
        if (bytes.length > maxBytes) {
            throw new BadSourceException(source, "is larger than " + maxBytes + " bytes: not " + kind);
        }
        return bytes;
    }
}
