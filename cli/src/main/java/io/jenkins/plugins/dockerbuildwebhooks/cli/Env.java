package io.jenkins.plugins.dockerbuildwebhooks.cli;

import java.util.function.Function;

/** Reads secrets from environment variables, so they never appear in argument lists or shell history. */
final class Env {
    private Env() {}

    static String require(Function<String, String> env, String name) {
        String value = env.apply(name);
        if (value == null || value.isEmpty()) {
            throw new UsageException("environment variable " + name + " is not set or is empty");
        }
        return value;
    }
}
