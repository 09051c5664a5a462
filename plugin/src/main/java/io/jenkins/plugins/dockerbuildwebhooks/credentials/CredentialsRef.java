package io.jenkins.plugins.dockerbuildwebhooks.credentials;

import java.util.Objects;

/**
 * A credentials id together with the context it was looked up in, in the text form the outbox
 * journal stores instead of a secret: {@code global-credentials:<id>} for endpoints of the global
 * configuration (looked up by the system, as an administrator set them up) and
 * {@code build-credentials:<id>} for endpoints a job defines (looked up as the build). A resumed or
 * redelivered delivery looks its credentials up in the same context as the first send did, so a
 * global endpoint keeps working with SYSTEM-scoped credentials and an inline endpoint can never
 * reach credentials its build could not.
 *
 * @param context where the credentials are looked up
 * @param id the credentials id
 */
public record CredentialsRef(Context context, String id) {
    /** References written before the context was recorded; they were always looked up as the build. */
    private static final String LEGACY_BUILD_PREFIX = "credentials:";

    /** Where credentials are looked up. */
    public enum Context {
        /** By the system in the root scope ({@link CredentialsLookup#global}). */
        GLOBAL("global-credentials:"),
        /** As the build ({@link CredentialsLookup#forRun}). */
        BUILD("build-credentials:");

        private final String prefix;

        Context(String prefix) {
            this.prefix = prefix;
        }

        /** The reference for credentials {@code id} looked up in this context. */
        public String ref(String id) {
            return new CredentialsRef(this, id).toString();
        }
    }

    public CredentialsRef {
        Objects.requireNonNull(context, "context");
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("a credentials reference needs an id");
        }
    }

    /**
     * Reads a reference; {@code credentials:<id>} (journals of earlier versions) is read as
     * {@link Context#BUILD}, the context those were looked up in.
     *
     * @throws IllegalArgumentException naming {@code ref} when it has none of these forms
     */
    public static CredentialsRef parse(String ref) {
        for (Context c : Context.values()) {
            if (ref.startsWith(c.prefix) && ref.length() > c.prefix.length()) {
                return new CredentialsRef(c, ref.substring(c.prefix.length()));
            }
        }
        if (ref.startsWith(LEGACY_BUILD_PREFIX) && ref.length() > LEGACY_BUILD_PREFIX.length()) {
            return new CredentialsRef(Context.BUILD, ref.substring(LEGACY_BUILD_PREFIX.length()));
        }
        throw new IllegalArgumentException("'" + ref + "' is not a credentials reference (global-credentials:<id> or "
                + "build-credentials:<id>)");
    }

    @Override
    public String toString() {
        return context.prefix + id;
    }
}
