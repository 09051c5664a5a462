package io.jenkins.plugins.dockerbuildwebhooks.extract;

import io.jenkins.plugins.dockerbuildwebhooks.image.Digest;
import io.jenkins.plugins.dockerbuildwebhooks.image.ImageId;
import io.jenkins.plugins.dockerbuildwebhooks.image.ImageReference;
import io.jenkins.plugins.dockerbuildwebhooks.image.InvalidReferenceException;
import io.jenkins.plugins.dockerbuildwebhooks.image.ManifestInfo;
import io.jenkins.plugins.dockerbuildwebhooks.json.JsonObject;
import io.jenkins.plugins.dockerbuildwebhooks.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * {@code docker buildx build --metadata-file} and {@code buildctl --metadata-file}. What
 * {@code containerimage.digest} means depends on the other keys:
 * <ul>
 *   <li>with a {@code containerimage.descriptor} of an index type, or per-platform
 *       {@code containerimage.buildinfo/...} keys: the index digest, and no single image ID (the
 *       containerd image store of Docker 26 writes the index digest into
 *       {@code containerimage.config.digest} too, so that key is no image ID then);
 *   <li>else with {@code containerimage.config.digest}: that is the image ID and this the manifest
 *       digest (pushed, unless a log shows {@code --load});
 *   <li>alone (docker driver without push): the image ID.
 * </ul>
 * {@code image.name} holds the references, comma-joined. The descriptor's media type and size
 * describe the manifest or index the digest names.
 */
final class MetadataFileReader {
    private static final int MAX_BYTES = 16 * 1024 * 1024;
    static final String CONFIG = "containerimage.config.digest";
    static final String DIGEST = "containerimage.digest";
    static final String DESCRIPTOR = "containerimage.descriptor";
    static final String NAMES = "image.name";

    private MetadataFileReader() {}

    static ImageFact read(InputStream in, String source) throws IOException {
        byte[] bytes = BoundedRead.read(in, source, MAX_BYTES, "a --metadata-file");
        String start = new String(bytes, 0, Math.min(bytes.length, 64), StandardCharsets.UTF_8).strip();
        if (start.startsWith("[")) {
            throw new BadSourceException(source, "is a JSON array, not a --metadata-file (a JSON object; "
                    + "inspect output goes to --inspect)");
        }
        JsonObject json = JsonReader.parseObject(bytes, source);
        Optional<Digest> config = digest(json, CONFIG);
        Optional<Digest> digest = digest(json, DIGEST);
        if (config.isEmpty() && digest.isEmpty()) {
            throw new BadSourceException(source, "has neither \"" + DIGEST + "\" nor \"" + CONFIG
                    + "\": not a buildx or buildctl --metadata-file of an image build");
        }
        ImageFact.Builder fact = ImageFact.builder(source, Precedence.FILE);
        Optional<ManifestInfo> descriptor = digest.flatMap(d -> descriptor(json, d));
        boolean index = descriptor.map(ManifestInfo::isIndex).orElse(false) || isMultiPlatform(json);
        if (index && digest.isPresent()) {
            fact.digest(digest.get()).manifestDigest(digest.get());
        } else if (config.isPresent()) {
            fact.imageId(ImageId.of(config.get()));
            digest.ifPresent(d -> fact.digest(d).manifestDigest(d));
        } else if (!json.has(DESCRIPTOR)) {
            fact.imageId(ImageId.of(digest.get()));
        } else {
            fact.digest(digest.get()).manifestDigest(digest.get());
        }
        descriptor.ifPresent(fact::manifest);
        for (String name : json.optString(NAMES).orElse("").split(",")) {
            if (!name.isBlank()) {
                fact.name(reference(json, name.strip()));
            }
        }
        return fact.build();
    }

    /** The descriptor's media type and size, when it describes {@code digest}. */
    private static Optional<ManifestInfo> descriptor(JsonObject json, Digest digest) {
        Optional<JsonObject> d = json.optObject(DESCRIPTOR);
        if (d.isEmpty() || !d.get().optString("digest").orElse("").equals(digest.toString())) {
            return Optional.empty();
        }
        return Optional.of(new ManifestInfo(digest, d.get().optString("mediaType").orElse(null),
                d.get().optLong("size").orElse(-1L), List.of()));
    }

    private static boolean isMultiPlatform(JsonObject json) {
        for (String key : json.keys()) {
            if (key.startsWith("containerimage.buildinfo/")) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Digest> digest(JsonObject json, String key) {
        Optional<String> text = json.optString(key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Digest.parse(text.get()));
        } catch (InvalidReferenceException e) {
            throw json.error(key, "is not a digest: " + e.getMessage());
        }
    }

    private static ImageReference reference(JsonObject json, String name) {
        try {
            ImageReference ref = ImageReference.parse(name);
            return ImageReference.of(ref.repository(), ref.tag());
        } catch (InvalidReferenceException e) {
            throw json.error(NAMES, "holds a bad reference: " + e.getMessage());
        }
    }
}
