package io.jenkins.plugins.dockerbuildwebhooks.extract;

/**
 * The prefixes stripped from a log line before its text is matched: the BuildKit vertex number
 * ({@code #5 }), the podman/buildah stage ({@code [2/3] }). -1 when absent.
 */
final class LineContext {
    int vertex = -1;
    int stage = -1;

    boolean hasVertex() {
        return vertex >= 0;
    }
}
