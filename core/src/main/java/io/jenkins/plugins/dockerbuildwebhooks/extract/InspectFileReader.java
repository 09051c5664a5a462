package io.jenkins.plugins.dockerbuildwebhooks.extract;

import io.jenkins.plugins.dockerbuildwebhooks.image.Digest;
import io.jenkins.plugins.dockerbuildwebhooks.image.ImageId;
import io.jenkins.plugins.dockerbuildwebhooks.image.ImageReference;
import io.jenkins.plugins.dockerbuildwebhooks.image.InvalidReferenceException;
import io.jenkins.plugins.dockerbuildwebhooks.image.RepositoryName;
import io.jenkins.plugins.dockerbuildwebhooks.json.JsonObject;
import io.jenkins.plugins.dockerbuildwebhooks.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code docker inspect}, {@code podman inspect} (arrays of image objects) and {@code buildah
 * inspect --type image} (one object). Docker's {@code RepoDigests} are registry digests;
 * podman's and buildah's {@code Digest}/{@code RepoDigests} are the local manifest's, which the
 * registry does not hold (a push converts it), so they are never reported.
 */
final class InspectFileReader {
    private static final int MAX_BYTES = 64 * 1024 * 1024;

    private InspectFileReader() {}

    static List<ImageFact> read(InputStream in, String source, Consumer<Note> notes) throws IOException {
        byte[] bytes = BoundedRead.read(in, source, MAX_BYTES, "inspect output");
        List<JsonObject> images = new ArrayList<>();
        String text = new String(bytes, StandardCharsets.UTF_8).strip();
        if (text.startsWith("[")) {
            images.addAll(JsonReader.parseObjectArray(bytes, source));
            if (images.isEmpty()) {
                throw new BadSourceException(source, "is an empty array: inspect found no image");
            }
        } else if (text.startsWith("{")) {
            images.add(JsonReader.parseObject(bytes, source));
        } else if (text.isEmpty()) {
            throw new BadSourceException(source, "is empty, expected the JSON that docker/podman inspect prints");
        } else {
            throw new BadSourceException(source, "is not JSON: expected the array docker/podman inspect prints");
        }
        List<ImageFact> facts = new ArrayList<>();
        for (JsonObject image : images) {
            facts.add(image.has("FromImageID") ? buildah(image, source) : dockerOrPodman(image, source, notes));
        }
        return facts;
    }

    private static ImageFact dockerOrPodman(JsonObject image, String source, Consumer<Note> notes) {
        String idText = image.string("Id");
        ImageId id = imageId(image, "Id", idText);
        boolean podman = image.has("Digest") || !idText.startsWith("sha256:");
        Map<RepositoryName, Digest> digests = new HashMap<>();
        List<String> repoDigests = image.strings("RepoDigests");
        if (podman && !repoDigests.isEmpty()) {
            notes.accept(new Note(Note.Kind.WARNING, source + ": podman's RepoDigests are local manifest digests, "
                    + "not the registry's: not reported (use push --digestfile)"));
        } else {
            for (String text : repoDigests) {
                ImageReference ref = reference(image, "RepoDigests", text);
                ref.digest().ifPresent(d -> digests.putIfAbsent(ref.repository(), d));
            }
        }
        ImageFact.Builder fact = ImageFact.builder(source, Precedence.FILE).imageId(id);
        for (String tag : image.strings("RepoTags")) {
            if (tag.startsWith("<none>")) {
                continue;
            }
            ImageReference ref = reference(image, "RepoTags", tag);
            Digest d = digests.get(ref.repository());
            fact.name(d == null ? ImageReference.of(ref.repository(), ref.tag()) : BuildLogState.withDigest(ref, d));
            if (d != null) {
                fact.manifestDigest(d);
            }
        }
        return fact.build();
    }

    private static ImageFact buildah(JsonObject image, String source) {
        ImageFact.Builder fact = ImageFact.builder(source, Precedence.FILE)
                .imageId(imageId(image, "FromImageID", image.string("FromImageID")));
        String name = image.optString("FromImage").orElse("");
        if (!name.isEmpty()) {
            ImageReference ref = reference(image, "FromImage", name);
            fact.name(ImageReference.of(ref.repository(), ref.tag()));
        }
        return fact.build();
    }

    private static ImageId imageId(JsonObject image, String key, String text) {
        try {
            ImageId id = ImageId.parse(text);
            if (!id.isComplete()) {
                throw image.error(key, "is a short image ID: expected 64 hex digits");
            }
            return id;
        } catch (InvalidReferenceException e) {
            throw image.error(key, "is not an image ID: " + e.getMessage());
        }
    }

    private static ImageReference reference(JsonObject image, String key, String text) {
        try {
            return ImageReference.parse(text);
        } catch (InvalidReferenceException e) {
            throw image.error(key, "holds a bad reference: " + e.getMessage());
        }
    }
}
