package io.jenkins.plugins.dockerbuildwebhooks.callback;

import java.io.IOException;
import java.io.UncheckedIOException;
import jenkins.security.ConfidentialKey;
import jenkins.security.ConfidentialStore;

/**
 * The instance secret that callback tokens are derived from: 32 random bytes made on first use and
 * kept, encrypted with the master key, in Jenkins' confidential store ({@code $JENKINS_HOME/secrets/}),
 * so tokens stay valid across restarts and are unknown to anyone without the controller's secrets.
 */
final class CallbackSecret extends ConfidentialKey {
    private static final int LENGTH = CallbackTokens.MIN_SECRET_BYTES;
    private static final CallbackSecret INSTANCE = new CallbackSecret();

    private ConfidentialStore loadedFrom;
    private CallbackTokens tokens;

    private CallbackSecret() {
        super(CallbackSecret.class.getName());
    }

    /** The token issuer for this Jenkins instance. */
    static CallbackTokens tokens() {
        return INSTANCE.current();
    }

    private synchronized CallbackTokens current() {
        // The store changes when a test restarts Jenkins in the same JVM; reload then.
        ConfidentialStore store = ConfidentialStore.get();
        if (tokens == null || store != loadedFrom) {
            try {
                byte[] secret = load();
                if (secret == null || secret.length < LENGTH) {
                    secret = store.randomBytes(LENGTH);
                    store(secret);
                }
                tokens = new CallbackTokens(secret);
                loadedFrom = store;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read or create the callback token secret " + getId(), e);
            }
        }
        return tokens;
    }
}
