package io.jenkins.plugins.dockerbuildwebhooks.extract;

import io.jenkins.plugins.dockerbuildwebhooks.image.Digest;

/**
 * {@code docker push}: {@code The push refers to repository [REPO]} opens the push, then one
 * {@code TAG: digest: sha256:<64 hex> size: N} line per pushed tag. A push that ends without any
 * digest line failed; its first other line says why.
 */
final class DockerPushFormat implements LogFormat {
    private static final String HEADER = "The push refers to repository [";
    private static final String DIGEST = ": digest: ";

    @Override
    public boolean accept(String text, LineContext context, BuildLogState state) {
        if (text.startsWith(HEADER)) {
            int close = text.indexOf(']', HEADER.length());
            if (close > HEADER.length()) {
                state.startPush(text.substring(HEADER.length(), close));
            }
            return true;
        }
        PushInProgress push = state.push();
        if (push == null) {
            return false;
        }
        int digestAt = text.indexOf(DIGEST);
        if (digestAt > 0 && text.indexOf(' ') > digestAt) {
            Digest d = Hex.digestAt(text, digestAt + DIGEST.length());
            if (d != null) {
                state.pushedTag(push.repository, text.substring(0, digestAt), d);
                return true;
            }
        }
        if (!isLayerProgress(text)) {
            push.failure(text);
        }
        return true;
    }

    /** {@code 80cd36022ab6: Pushed}, {@code ...: Preparing}, TTY progress bars. */
    static boolean isLayerProgress(String text) {
        return text.length() > 13 && Hex.hexRun(text, 0) == 12 && text.charAt(12) == ':';
    }
}
