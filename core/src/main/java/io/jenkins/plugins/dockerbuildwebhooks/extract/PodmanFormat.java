package io.jenkins.plugins.dockerbuildwebhooks.extract;

import io.jenkins.plugins.dockerbuildwebhooks.image.Digest;
import io.jenkins.plugins.dockerbuildwebhooks.image.ImageId;

/**
 * {@code podman build} and {@code buildah bud/commit/push}: {@code STEP 1/N} (or {@code [1/S] STEP
 * 1/N}) starts a build, {@code COMMIT REF} names it, and after COMMIT the first {@code --> <11 hex>}
 * is its short ID and the first {@code Copying config sha256:...} its full ID. Before the commit,
 * {@code Copying config} belongs to a base image that a {@code FROM} step pulls, never to the built
 * image, and is ignored. Outside a build, {@code Copying config} comes from push, import or commit:
 * an image ID without a name.
 */
final class PodmanFormat implements LogFormat {
    private static final String COMMIT = "COMMIT";
    private static final String ARROW = "--> ";
    private static final String COPYING_CONFIG = "Copying config ";

    @Override
    public boolean accept(String text, LineContext context, BuildLogState state) {
        if (text.startsWith("STEP 1/") && context.stage <= 1) {
            state.startBuild();
            return true;
        }
        if (text.startsWith(COMMIT) && (text.length() == COMMIT.length() || text.charAt(COMMIT.length()) == ' ')) {
            BuildInProgress build = state.build();
            build.committed = true;
            String ref = text.substring(COMMIT.length()).strip();
            if (!ref.isEmpty()) {
                build.name(ref);
            }
            return true;
        }
        if (text.startsWith(ARROW)) {
            BuildInProgress build = state.currentBuild();
            ImageId id = Hex.idAt(text, ARROW.length());
            if (build != null && build.committed && id != null) {
                state.builtImageId(id);
            }
            return true;
        }
        if (text.startsWith(COPYING_CONFIG)) {
            Digest d = Hex.digestAt(text, COPYING_CONFIG.length());
            if (d == null) {
                return true;
            }
            BuildInProgress build = state.currentBuild();
            if (build != null && build.committed && !build.configCopied) {
                build.configCopied = true;
                state.builtImageId(ImageId.of(d));
            } else if (build != null && !build.committed && !build.finished && build.failure == null) {
                return true; // a FROM step pulling its base image
            } else {
                state.anonymous(ImageId.of(d), Precedence.PUSH_OUTPUT);
            }
            return true;
        }
        if (text.startsWith("Error: ")) {
            state.failure(text);
            return true;
        }
        return false;
    }
}
