package io.jenkins.plugins.dockerbuildwebhooks.extract;

/**
 * How much a source is trusted when sources disagree, lowest first: what a build printed, what a
 * push printed, what a tool wrote to a file, what the person gave explicitly. The collector takes
 * each value from the highest source that has it, and still reports any disagreement as a conflict.
 */
public enum Precedence {
    BUILD_OUTPUT("build output"),
    PUSH_OUTPUT("push output"),
    FILE("file"),
    EXPLICIT("explicit input");

    private final String label;

    Precedence(String label) {
        this.label = label;
    }

    /** Words for messages. */
    public String label() {
        return label;
    }
}
