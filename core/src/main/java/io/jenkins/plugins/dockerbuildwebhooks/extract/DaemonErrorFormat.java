package io.jenkins.plugins.dockerbuildwebhooks.extract;

/**
 * Errors every docker command can print ({@code Error response from daemon: ...}, the Docker 28
 * client's {@code ERROR: BuildKit is enabled but the buildx component is missing}): whatever
 * was being built or pushed failed.
 */
final class DaemonErrorFormat implements LogFormat {

    @Override
    public boolean accept(String text, LineContext context, BuildLogState state) {
        if (text.startsWith("Error response from daemon") || text.startsWith("ERROR: ")
                || text.startsWith("error: ")) {
            state.failure(text);
            return true;
        }
        return false;
    }
}
