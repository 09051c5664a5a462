package io.jenkins.plugins.dockerbuildwebhooks.delivery;

/**
 * Finds a secret again from the reference a journal stored instead of it (an environment variable
 * name in the CLI, a credentials ID in Jenkins).
 */
@FunctionalInterface
public interface SecretLookup {
    /** The secret {@code ref} names; throws IllegalArgumentException naming {@code ref} if there is none. */
    Secret find(String ref);

    /** Looks references up as {@code env:NAME} environment variables. */
    static SecretLookup environment(java.util.function.Function<String, String> env) {
        return ref -> {
            if (!ref.startsWith("env:")) {
                throw new IllegalArgumentException("secret reference '" + ref + "' is not of the form env:VARIABLE");
            }
            String name = ref.substring(4);
            String value = env.apply(name);
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException("environment variable " + name + " is not set or empty");
            }
            return Secret.of(value);
        };
    }
}
