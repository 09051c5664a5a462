package io.jenkins.plugins.dockerbuildwebhooks.extract;

import io.jenkins.plugins.dockerbuildwebhooks.image.BuiltImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What {@link ImageCollector} found: one {@link BuiltImage} per repository, and the notes that
 * go with it. Conflicts mean two sources disagree; the images then hold the value of the
 * higher-precedence source, and a caller that must not guess (the CLI) refuses the result.
 */
public final class CollectedImages {
    private final List<BuiltImage> images;
    private final List<Note> notes;

    CollectedImages(List<BuiltImage> images, List<Note> notes) {
        this.images = Collections.unmodifiableList(new ArrayList<>(images));
        this.notes = Collections.unmodifiableList(new ArrayList<>(notes));
    }

    /** One per repository, sorted by repository name. */
    public List<BuiltImage> images() {
        return images;
    }

    /** Every note, in the order they arose. */
    public List<Note> notes() {
        return notes;
    }

    public List<Note> notes(Note.Kind kind) {
        List<Note> out = new ArrayList<>();
        for (Note n : notes) {
            if (n.kind() == kind) {
                out.add(n);
            }
        }
        return out;
    }

    public boolean hasConflicts() {
        return !notes(Note.Kind.CONFLICT).isEmpty();
    }

    @Override
    public String toString() {
        return images + " " + notes;
    }
}
