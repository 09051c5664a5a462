package io.jenkins.plugins.dockerbuildwebhooks.extract;

import io.jenkins.plugins.dockerbuildwebhooks.image.Digest;
import io.jenkins.plugins.dockerbuildwebhooks.image.ImageId;
import io.jenkins.plugins.dockerbuildwebhooks.image.InvalidReferenceException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The one-digest files: {@code --iidfile} of docker, BuildKit, buildx, podman and buildah and
 * {@code --digestfile} of {@code podman/buildah push}. Both hold {@code sha256:<64 hex>}, usually
 * without a line break.
 */
final class DigestFileReader {
    private static final int MAX_BYTES = 4096;

    private DigestFileReader() {}

    static Digest read(InputStream in, String source, String kind) throws IOException {
        String text = new String(BoundedRead.read(in, source, MAX_BYTES, kind), StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            throw new BadSourceException(source, "is empty, expected " + kind
                    + " with sha256:<64 hex digits> (did the command that writes it fail?)");
        }
        long lines = text.lines().count();
        if (lines > 1) {
            throw new BadSourceException(source, "is not " + kind + ": expected one sha256:<64 hex digits> but found "
                    + lines + " lines");
        }
        try {
            return Digest.parse(text);
        } catch (InvalidReferenceException e) {
            throw new BadSourceException(source, "is not " + kind + ": " + e.getMessage());
        }
    }

    /**
     * {@code --iidfile}: the image ID, except that buildx with a remote builder writes the index
     * digest when the result is an index; the collector sets it aside when another source knows
     * it as a manifest or index digest.
     */
    static ImageFact iidFile(InputStream in, String source) throws IOException {
        Digest d = read(in, source, "an --iidfile");
        return ImageFact.builder(source, Precedence.FILE)
                .imageId(ImageId.of(d))
                .build();
    }

    /** {@code push --digestfile}: the digest of the manifest the registry now holds. */
    static ImageFact digestFile(InputStream in, String source) throws IOException {
        Digest d = read(in, source, "a --digestfile");
        return ImageFact.builder(source, Precedence.FILE).digest(d).manifestDigest(d).build();
    }
}
