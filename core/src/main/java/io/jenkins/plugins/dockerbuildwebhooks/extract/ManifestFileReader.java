package io.jenkins.plugins.dockerbuildwebhooks.extract;

import io.jenkins.plugins.dockerbuildwebhooks.image.Digest;
import io.jenkins.plugins.dockerbuildwebhooks.image.InvalidReferenceException;
import io.jenkins.plugins.dockerbuildwebhooks.image.ManifestInfo;
import io.jenkins.plugins.dockerbuildwebhooks.image.Platform;
import io.jenkins.plugins.dockerbuildwebhooks.image.PlatformManifest;
import io.jenkins.plugins.dockerbuildwebhooks.json.JsonObject;
import io.jenkins.plugins.dockerbuildwebhooks.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A manifest or index exactly as the registry holds it: {@code docker buildx imagetools inspect
 * --raw REF}, {@code skopeo inspect --raw}, or the body of {@code GET /v2/<name>/manifests/<ref>}.
 *
 * <p>Such a file names no repository and does not state its own digest: its digest is the SHA-256
 * of its bytes. So the fact it yields is only a description addressed by that digest; it reaches
 * an image whose registry digest another source (push output, metadata file, {@code ref@digest})
 * shows. A file saved with a trailing line break hashes differently, so the digest of the bytes
 * without trailing whitespace addresses the same description too.
 *
 * <p>Index entries marked as attestations ({@code vnd.docker.reference.type: attestation-manifest},
 * platform {@code unknown/unknown}) are not platforms and are left out.
 */
final class ManifestFileReader {
    private static final int MAX_BYTES = 4 * 1024 * 1024;
    static final String REFERENCE_TYPE = "vnd.docker.reference.type";

    private ManifestFileReader() {}

    static ImageFact read(InputStream in, String source) throws IOException {
        byte[] bytes = BoundedRead.read(in, source, MAX_BYTES, "a raw manifest");
        JsonObject json = JsonReader.parseObject(bytes, source);
        long schemaVersion = json.optLong("schemaVersion").orElse(0L);
        if (schemaVersion != 2) {
            throw new BadSourceException(source, "is not a raw manifest or index: \"schemaVersion\" is "
                    + (json.has("schemaVersion") ? json.raw("schemaVersion") : "missing") + ", expected 2 (save the output "
                    + "of docker buildx imagetools inspect --raw)");
        }
        if (!json.has("manifests") && !json.has("config")) {
            throw new BadSourceException(source, "is neither an index (\"manifests\") nor an image manifest (\"config\")");
        }
        String mediaType = json.optString("mediaType").orElse(null);
        List<PlatformManifest> platforms = json.has("manifests") ? platforms(json) : List.of();
        ImageFact.Builder fact = ImageFact.builder(source, Precedence.FILE);
        for (byte[] content : contents(bytes)) {
            fact.manifest(new ManifestInfo(sha256(content), mediaType, content.length, platforms));
        }
        return fact.build();
    }

    private static List<PlatformManifest> platforms(JsonObject index) {
        List<PlatformManifest> out = new ArrayList<>();
        for (JsonObject entry : index.objects("manifests")) {
            Optional<JsonObject> platform = entry.optObject("platform");
            boolean attestation = entry.optObject("annotations")
                    .flatMap(a -> a.optString(REFERENCE_TYPE))
                    .filter("attestation-manifest"::equals)
                    .isPresent();
            if (platform.isEmpty() || attestation || "unknown".equals(platform.get().optString("os").orElse(""))) {
                continue;
            }
            JsonObject p = platform.get();
            Digest digest;
            try {
                digest = Digest.parse(entry.string("digest"));
            } catch (InvalidReferenceException e) {
                throw entry.error("digest", "is not a digest: " + e.getMessage());
            }
            long size = entry.optLong("size").orElseThrow(() -> entry.error("size", "is missing"));
            out.add(new PlatformManifest(digest, entry.string("mediaType"), size,
                    new Platform(p.string("os"), p.string("architecture"), p.optString("variant").orElse(null))));
        }
        return out;
    }

    /** The exact bytes, then (if they end in whitespace) the bytes without it: the contents the file may hold. */
    static List<byte[]> contents(byte[] bytes) {
        int end = bytes.length;
        while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r' || bytes[end - 1] == ' '
                || bytes[end - 1] == '\t')) {
            end--;
        }
        return end == bytes.length ? List.of(bytes) : List.of(bytes, Arrays.copyOf(bytes, end));
    }

    static Digest sha256(byte[] bytes) {
        try {
            return Digest.ofHex(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
