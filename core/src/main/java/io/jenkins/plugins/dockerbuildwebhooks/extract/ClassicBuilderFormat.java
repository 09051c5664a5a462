package io.jenkins.plugins.dockerbuildwebhooks.extract;

import io.jenkins.plugins.dockerbuildwebhooks.image.ImageId;

/**
 * The classic builder ({@code DOCKER_BUILDKIT=0 docker build}): {@code Step 1/N} starts a build,
 * {@code Successfully built <12 hex>} is its (short) ID and each {@code Successfully tagged REF}
 * names it (podman and buildah print the same tagged line). {@code ---> <id>} lines are steps.
 * A step that fails ends the build with {@code COPY failed: …}, {@code ADD failed: …} or
 * {@code The command '…' returned a non-zero code}.
 */
final class ClassicBuilderFormat implements LogFormat {
    private static final String BUILT = "Successfully built ";
    private static final String TAGGED = "Successfully tagged ";

    @Override
    public boolean accept(String text, LineContext context, BuildLogState state) {
        if (text.startsWith("Step 1/") || text.startsWith("Sending build context to Docker daemon")) {
            state.startBuild();
            return true;
        }
        if (text.startsWith(BUILT)) {
            ImageId id = Hex.idAt(text, BUILT.length());
            if (id != null) {
                state.builtImageId(id);
            }
            return true;
        }
        if (text.startsWith(TAGGED)) {
            state.build().name(Hex.token(text, TAGGED.length()));
            return true;
        }
        if (text.startsWith("COPY failed: ") || text.startsWith("ADD failed: ")
                || text.startsWith("The command '") && text.contains("returned a non-zero code")) {
            state.failure(text);
            return true;
        }
        return false;
    }
}
