package io.jenkins.plugins.dockerbuildwebhooks.extract;

import io.jenkins.plugins.dockerbuildwebhooks.image.Digest;
import io.jenkins.plugins.dockerbuildwebhooks.image.ImageId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** What the log has shown so far about the build it is printing. Sizes are capped: constant memory. */
final class BuildInProgress {
    static final int MAX_ITEMS = 256;

    final Set<String> names = new LinkedHashSet<>();
    final Map<String, Digest> pushed = new LinkedHashMap<>();
    final Set<Digest> configs = new LinkedHashSet<>();
    final Set<Digest> manifests = new LinkedHashSet<>();
    ImageId imageId;
    /** A result line (ID or name) was printed: the build got as far as producing an image. */
    boolean finished;
    /** podman/buildah printed COMMIT: a following {@code -->} line or bare ID is the image's. */
    boolean committed;
    /** buildah's {@code Copying config} after COMMIT was seen; later ones belong to other commands. */
    boolean configCopied;
    /** The last failure line, unless a result came after it. */
    String failure;

    void name(String reference) {
        if (names.size() < MAX_ITEMS) {
            names.add(reference);
        }
        failure = null;
    }

    void pushed(String reference, Digest digest) {
        if (pushed.size() < MAX_ITEMS) {
            pushed.put(reference, digest);
        }
        manifest(digest);
        failure = null;
    }

    void manifest(Digest digest) {
        if (manifests.size() < MAX_ITEMS) {
            manifests.add(digest);
        }
    }

    void config(Digest digest) {
        if (configs.size() < MAX_ITEMS) {
            configs.add(digest);
        }
        finished = true;
        failure = null;
    }

    /** Whether {@code id} could be this build's image (no ID yet, or one is a prefix of the other). */
    boolean accepts(ImageId id) {
        return imageId == null || imageId.matches(id);
    }

    void imageId(ImageId id) {
        if (imageId == null || id.hex().length() > imageId.hex().length()) {
            imageId = id;
        }
        finished = true;
        failure = null;
    }

    boolean isEmpty() {
        return names.isEmpty() && pushed.isEmpty() && configs.isEmpty() && manifests.isEmpty() && imageId == null;
    }
}
