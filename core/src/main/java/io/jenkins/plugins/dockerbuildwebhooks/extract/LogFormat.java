package io.jenkins.plugins.dockerbuildwebhooks.extract;

/** One tool's output lines: recognises the lines it knows and records what they say. */
interface LogFormat {
    /**
     * @param text the line without prefixes, trailing blanks and escapes
     * @return whether the line was one of this format's
     */
    boolean accept(String text, LineContext context, BuildLogState state);
}
