package io.jenkins.plugins.dockerbuildwebhooks.extract;

import io.jenkins.plugins.dockerbuildwebhooks.image.ImageId;

/**
 * An image ID alone on a line: {@code sha256:<64 hex>} from {@code docker build -q} and
 * {@code docker/podman import}, 64 hex digits from podman and buildah at the end of a build.
 * The BuildKit vertex digests {@code #N sha256:...} look the same but carry a vertex prefix, and
 * are never passed here as IDs.
 */
final class BareIdFormat implements LogFormat {

    @Override
    public boolean accept(String text, LineContext context, BuildLogState state) {
        if (context.hasVertex()) {
            return false;
        }
        int length = text.length();
        if (length == Hex.DIGEST_LENGTH && text.startsWith(Hex.SHA256) && Hex.hexRun(text, Hex.SHA256.length()) == 64
                || length == 64 && Hex.hexRun(text, 0) == 64) {
            state.bareImageId(ImageId.parse(text));
            return true;
        }
        return false;
    }
}
