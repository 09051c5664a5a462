package io.jenkins.plugins.dockerbuildwebhooks.extract;

import io.jenkins.plugins.dockerbuildwebhooks.image.Digest;
import io.jenkins.plugins.dockerbuildwebhooks.image.ImageId;

/**
 * BuildKit, in the engine and in buildx, plain ({@code #5 writing image ...}) and TTY
 * ({@code => => writing image ...}) progress. Results: {@code writing image <id>},
 * {@code naming to REF}, {@code exporting config <id>}, {@code exporting manifest [list] <digest>}
 * and {@code pushing manifest for REF@<digest>}. Never results: the {@code #N sha256:...} vertex
 * digests of engine 20.10 (the vertex prefix rules them out before this class sees them), layer
 * and {@code resolve}/{@code FROM ...@sha256:} lines, which start with other words.
 */
final class BuildKitFormat implements LogFormat {
    private static final String WRITING = "writing image ";
    private static final String NAMING = "naming to ";
    private static final String CONFIG = "exporting config ";
    private static final String MANIFEST_LIST = "exporting manifest list ";
    private static final String MANIFEST = "exporting manifest ";
    private static final String ATTESTATION = "exporting attestation manifest ";
    private static final String PUSHING_MANIFEST = "pushing manifest for ";
    private static final String PUSHING = "pushing ";
    private static final String WITH_DOCKER = " with docker";

    @Override
    public boolean accept(String text, LineContext context, BuildLogState state) {
        char first = text.charAt(0);
        if (first == '[') {
            if (context.vertex == 1 && text.startsWith("[internal] load")) {
                state.startBuild();
                return true;
            }
            return false;
        }
        if (first == 'w' && text.startsWith(WRITING)) {
            ImageId id = Hex.idAt(text, WRITING.length());
            if (id != null) {
                state.builtImageId(id);
            }
            return true;
        }
        if (first == 'n' && text.startsWith(NAMING)) {
            state.build().name(Hex.token(text, NAMING.length()));
            return true;
        }
        if (first == 'e') {
            return exporting(text, state);
        }
        if (first == 'p') {
            return pushing(text, state);
        }
        if (text.startsWith("ERROR") || text.startsWith("error: failed to solve")
                || text.startsWith("executor failed running")) {
            state.failure(text);
            return true;
        }
        return false;
    }

    private static boolean exporting(String text, BuildLogState state) {
        if (text.startsWith(CONFIG)) {
            Digest d = Hex.digestAt(text, CONFIG.length());
            if (d != null) {
                state.build().config(d);
            }
            return true;
        }
        for (String prefix : new String[] {MANIFEST_LIST, ATTESTATION, MANIFEST}) {
            if (text.startsWith(prefix)) {
                Digest d = Hex.digestAt(text, prefix.length());
                if (d != null) {
                    state.build().manifest(d);
                }
                return true;
            }
        }
        if (text.startsWith("executor failed running")) {
            state.failure(text);
            return true;
        }
        return false;
    }

    private static boolean pushing(String text, BuildLogState state) {
        if (text.startsWith(PUSHING_MANIFEST)) {
            String ref = Hex.token(text, PUSHING_MANIFEST.length());
            int at = ref.lastIndexOf('@');
            Digest d = at < 0 ? null : Hex.digestAt(ref, at + 1);
            if (d != null && at + 1 + Hex.DIGEST_LENGTH == ref.length()) {
                state.build().pushed(ref.substring(0, at), d);
            }
            return true;
        }
        int with = text.indexOf(WITH_DOCKER);
        if (text.startsWith(PUSHING) && with > PUSHING.length() && !text.startsWith("pushing layer")) {
            // buildx docker driver --push: names the image, the digest is only in --metadata-file
            state.build().name(text.substring(PUSHING.length(), with).strip());
            return true;
        }
        return false;
    }
}
