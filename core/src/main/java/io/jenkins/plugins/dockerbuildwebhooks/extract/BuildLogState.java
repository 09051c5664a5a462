package io.jenkins.plugins.dockerbuildwebhooks.extract;

import io.jenkins.plugins.dockerbuildwebhooks.image.Digest;
import io.jenkins.plugins.dockerbuildwebhooks.image.ImageId;
import io.jenkins.plugins.dockerbuildwebhooks.image.ImageReference;
import io.jenkins.plugins.dockerbuildwebhooks.image.InvalidReferenceException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The state of one log being read: the build whose output is being printed, the {@code docker
 * push} whose output is being printed, and where finished facts and notes go. Formats call it;
 * it decides where one build ends and the next begins.
 */
final class BuildLogState {
    /** Longest line text quoted in a note. */
    private static final int QUOTE = 200;

    private final String source;
    private final Consumer<ImageFact> facts;
    private final Consumer<Note> notes;
    private BuildInProgress build;
    private PushInProgress push;
    /** Big logs name the same few images again and again: parse each reference once. */
    private final Map<String, ImageReference> parsed = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ImageReference> eldest) {
            return size() > 256;
        }
    };

    BuildLogState(String source, Consumer<ImageFact> facts, Consumer<Note> notes) {
        this.source = source;
        this.facts = facts;
        this.notes = notes;
    }

    String source() {
        return source;
    }

    /** The current build, started if none is. */
    BuildInProgress build() {
        if (build == null) {
            build = new BuildInProgress();
        }
        return build;
    }

    /** The current build or null. */
    BuildInProgress currentBuild() {
        return build;
    }

    PushInProgress push() {
        return push;
    }

    /** A line that only starts a build (first step): whatever came before is finished. */
    void startBuild() {
        endPush();
        endBuild();
        build = new BuildInProgress();
    }

    void startPush(String repository) {
        endPush();
        endBuild();
        push = new PushInProgress(repository);
    }

    /** An image ID a build printed as its result (not a step's). */
    void builtImageId(ImageId id) {
        if (build != null && build.finished && !build.accepts(id)) {
            // a second result: the log went on to another build without a line we know as its start
            endBuild();
        }
        build().imageId(id);
    }

    /**
     * An image ID printed on a line of its own ({@code build -q}, {@code import}, podman's last
     * line). It is the current build's when that build is podman's and committed; inside another
     * build that has not finished it is some step's output and ignored; otherwise it stands alone.
     */
    void bareImageId(ImageId id) {
        if (build != null && build.failure != null) {
            // the build failed: it is over, and this line comes from the next command
            endBuild();
        }
        if (build != null && !build.finished && !build.committed) {
            return;
        }
        if (build != null && build.committed && build.accepts(id)) {
            build.imageId(id);
            return;
        }
        if (build != null && build.finished && build.imageId != null && build.imageId.matches(id)) {
            return;
        }
        endBuild();
        anonymous(id, Precedence.BUILD_OUTPUT);
    }

    /** An image ID without names, e.g. from {@code podman push}'s {@code Copying config}. */
    void anonymous(ImageId id, Precedence precedence) {
        facts.accept(ImageFact.builder(source, precedence).imageId(id).build());
    }

    void pushedTag(String repository, String tag, Digest digest) {
        ImageReference ref = reference(repository + ":" + tag + "@" + digest);
        if (ref != null) {
            if (push != null) {
                push.digests++;
            }
            facts.accept(ImageFact.builder(source, Precedence.PUSH_OUTPUT)
                    .name(ref)
                    .manifestDigest(digest)
                    .build());
        }
    }

    /** A line saying the current command failed. */
    void failure(String line) {
        if (push != null && build == null) {
            push.failure(line);
        } else if (build != null) {
            build.failure = line;
        } else {
            notes.accept(new Note(Note.Kind.FAILED, source + ": nothing reported: a command failed: " + quote(line)));
        }
    }

    void endPush() {
        if (push == null) {
            return;
        }
        if (push.digests == 0) {
            notes.accept(new Note(Note.Kind.FAILED, source + ": the push to " + push.repository
                    + " printed no digest, so nothing was pushed"
                    + (push.message == null ? "" : ": " + quote(push.message))));
        }
        push = null;
    }

    void endBuild() {
        BuildInProgress done = build;
        build = null;
        if (done == null || done.isEmpty() && done.failure == null) {
            return;
        }
        if (done.failure != null) {
            notes.accept(new Note(Note.Kind.FAILED, source + ": a build failed"
                    + (done.names.isEmpty() ? "" : " (" + String.join(", ", done.names) + ")")
                    + ", nothing reported for it: " + quote(done.failure)));
            return;
        }
        ImageFact.Builder fact = ImageFact.builder(source, Precedence.BUILD_OUTPUT);
        ImageId id = done.imageId;
        if (done.configs.size() == 1) {
            ImageId config = ImageId.of(done.configs.iterator().next());
            id = id == null || config.matches(id) ? config : id;
        } else if (done.configs.size() > 1) {
            notes.accept(new Note(Note.Kind.WARNING, source + ": the build exported " + done.configs.size()
                    + " image configs (a multi-platform build): no single image ID"));
            id = null;
        }
        fact.imageId(id);
        for (String name : done.names) {
            ImageReference ref = reference(name);
            if (ref != null) {
                fact.name(ImageReference.of(ref.repository(), ref.tag()));
            }
        }
        for (Digest d : done.manifests) {
            fact.manifestDigest(d);
            if (done.pushed.isEmpty()) {
                // exported (or loaded with --load) but never pushed: a local manifest
                fact.localDigest(d);
            }
        }
        facts.accept(fact.build());
        if (!done.pushed.isEmpty()) {
            ImageFact.Builder pushed = ImageFact.builder(source, Precedence.PUSH_OUTPUT);
            for (Map.Entry<String, Digest> e : done.pushed.entrySet()) {
                ImageReference ref = reference(e.getKey() + "@" + e.getValue());
                if (ref != null) {
                    pushed.name(ref);
                }
            }
            facts.accept(pushed.build());
        }
    }

    /** Ends whatever is open: call at the end of the log. */
    void finish() {
        endPush();
        endBuild();
    }

    void warning(String message) {
        notes.accept(new Note(Note.Kind.WARNING, source + ": " + message));
    }

    private ImageReference reference(String text) {
        ImageReference cached = parsed.get(text);
        if (cached != null) {
            return cached;
        }
        try {
            ImageReference ref = ImageReference.parse(text);
            parsed.put(text, ref);
            return ref;
        } catch (InvalidReferenceException e) {
            warning("ignored: " + e.getMessage());
            return null;
        }
    }

    static ImageReference withDigest(ImageReference ref, Digest digest) {
        return ImageReference.parse(ref.repository().fullName() + ":" + ref.tag() + "@" + digest);
    }

    static String quote(String line) {
        String s = line.strip();
        return s.length() <= QUOTE ? s : s.substring(0, QUOTE) + "…";
    }
}
