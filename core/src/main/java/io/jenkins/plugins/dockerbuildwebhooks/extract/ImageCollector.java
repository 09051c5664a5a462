package io.jenkins.plugins.dockerbuildwebhooks.extract;

import io.jenkins.plugins.dockerbuildwebhooks.image.BuiltImage;
import io.jenkins.plugins.dockerbuildwebhooks.image.Digest;
import io.jenkins.plugins.dockerbuildwebhooks.image.ImageId;
import io.jenkins.plugins.dockerbuildwebhooks.image.ImageReference;
import io.jenkins.plugins.dockerbuildwebhooks.image.RepositoryName;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Merges what several sources say about a build into one {@link BuiltImage} per repository.
 *
 * <ul>
 *   <li>Names: every repository:tag any source names (explicit {@code --image}, metadata, inspect,
 *       push and build output) is reported; repositories named together (one build, one inspect
 *       entry) form one image.
 *   <li>Facts without names (an {@code --iidfile}, {@code --digestfile}, {@code --image-id}, the ID a
 *       quiet build or an import printed) go to the image whose (short) ID matches, else to the
 *       explicitly named image, else to the only image there is; otherwise they are set aside with
 *       a warning rather than guessed.
 *   <li>Values: each image ID and registry digest comes from the highest-precedence source that
 *       has one ({@link Precedence}: explicit &gt; files &gt; push output &gt; build output). Two
 *       sources with different complete values are a {@link Note.Kind#CONFLICT}, whatever their
 *       precedence.
 *   <li>Descriptions of manifests (media type, size, the platforms of an index) are kept by digest
 *       and given to the image whose registry digest they describe; a raw manifest file that
 *       describes no image's digest is noted, not guessed at.
 *   <li>Digest kinds are never mixed up: a digest some source knows as a manifest or index digest
 *       is never an image ID (buildx {@code --iidfile} of an index), and a manifest digest a log
 *       shows was exported but not pushed ({@code --load}) is never a registry digest.
 * </ul>
 *
 * <p>Memory grows with the number of distinct repositories and values, never with log size.
 */
public final class ImageCollector {
    static final int MAX_REPOSITORIES = 10_000;
    static final int MAX_VALUES = 64;
    static final int MAX_TAGS = 1_000;
    static final int MAX_ANONYMOUS = 1_000;
    static final int MAX_DIGESTS = 100_000;
    static final int MAX_NOTES = 200;

    private final Map<RepositoryName, Entry> entries = new LinkedHashMap<>();
    private final Map<RepositoryName, RepositoryName> parent = new HashMap<>();
    private final Map<String, ImageFact> anonymous = new LinkedHashMap<>();
    private final Set<Digest> manifestDigests = new HashSet<>();
    private final Set<Digest> localDigests = new HashSet<>();
    private final Set<Digest> pushedDigests = new HashSet<>();
    private final Set<RepositoryName> explicit = new HashSet<>();
    private final ManifestDescriptions descriptions = new ManifestDescriptions();
    private final List<Note> notes = new ArrayList<>();
    private int droppedNotes;
    private boolean repositoryCapWarned;

    /** Reads a build log (docker, BuildKit, buildx, podman, buildah output; stdout, stderr or both). */
    public ImageCollector log(InputStream in, String source) throws IOException {
        BuildLogReader.read(in, source, this::add, this::note);
        return this;
    }

    /** Reads an {@code --iidfile}. */
    public ImageCollector iidFile(InputStream in, String source) throws IOException {
        return add(DigestFileReader.iidFile(in, source));
    }

    /** Reads a {@code podman/buildah push --digestfile}. */
    public ImageCollector digestFile(InputStream in, String source) throws IOException {
        return add(DigestFileReader.digestFile(in, source));
    }

    /** Reads a buildx/buildctl {@code --metadata-file}. */
    public ImageCollector metadataFile(InputStream in, String source) throws IOException {
        return add(MetadataFileReader.read(in, source));
    }

    /** Reads {@code docker inspect}, {@code podman inspect} or {@code buildah inspect} JSON. */
    public ImageCollector inspect(InputStream in, String source) throws IOException {
        for (ImageFact fact : InspectFileReader.read(in, source, this::note)) {
            add(fact);
        }
        return this;
    }

    /** Reads a raw manifest or index ({@code docker buildx imagetools inspect --raw}). */
    public ImageCollector manifestFile(InputStream in, String source) throws IOException {
        return add(ManifestFileReader.read(in, source));
    }

    /** Images named explicitly: they are one image, and nameless facts go to it. */
    public ImageCollector images(List<ImageReference> references, String source) {
        if (references.isEmpty()) {
            return this;
        }
        ImageFact.Builder fact = ImageFact.builder(source, Precedence.EXPLICIT);
        for (ImageReference ref : references) {
            fact.name(ref);
            ref.digest().ifPresent(fact::manifestDigest);
        }
        return add(fact.build());
    }

    /** An image ID given explicitly (complete). */
    public ImageCollector imageId(ImageId id, String source) {
        return add(ImageFact.builder(source, Precedence.EXPLICIT).imageId(id).build());
    }

    /** Adds one fact; every reader ends up here. */
    public ImageCollector add(ImageFact fact) {
        capped(manifestDigests, fact.manifestDigests());
        capped(localDigests, fact.localDigests());
        descriptions.add(fact);
        if (fact.precedence() == Precedence.PUSH_OUTPUT) {
            // a push line is proof the digest reached a registry; a metadata file is not
            fact.digest().ifPresent(d -> capped(pushedDigests, Set.of(d)));
            for (ImageReference ref : fact.names()) {
                ref.digest().ifPresent(d -> capped(pushedDigests, Set.of(d)));
            }
        }
        if (fact.names().isEmpty()) {
            if (fact.imageId().isPresent() || fact.digest().isPresent()) {
                String key = fact.imageId().map(Object::toString).orElse("") + "|"
                        + fact.digest().map(Object::toString).orElse("");
                if (anonymous.size() < MAX_ANONYMOUS || anonymous.containsKey(key)) {
                    anonymous.merge(key, fact, (a, b) -> b.precedence().compareTo(a.precedence()) > 0 ? b : a);
                }
            }
            return this;
        }
        RepositoryName first = null;
        for (ImageReference ref : fact.names()) {
            Entry entry = entry(ref.repository());
            if (entry == null) {
                continue;
            }
            if (entry.tags.size() < MAX_TAGS) {
                entry.tags.add(ref.tag());
            }
            Origin origin = new Origin(fact.source(), fact.precedence());
            fact.imageId().ifPresent(id -> entry.ids.offer(id, origin));
            fact.digest().ifPresent(d -> entry.digests.offer(d, origin));
            ref.digest().ifPresent(d -> entry.digests.offer(d, origin));
            if (fact.precedence() == Precedence.EXPLICIT) {
                explicit.add(ref.repository());
            }
            if (first == null) {
                first = ref.repository();
            } else {
                union(first, ref.repository());
            }
        }
        return this;
    }

    /** Adds a note (readers report failed builds and set-aside values this way). */
    public ImageCollector note(Note note) {
        if (notes.size() < MAX_NOTES) {
            notes.add(note);
        } else {
            droppedNotes++;
        }
        return this;
    }

    /** Merges everything added so far; the collector can take more afterwards. */
    public CollectedImages result() {
        List<Note> out = new ArrayList<>(notes);
        if (droppedNotes > 0) {
            out.add(new Note(Note.Kind.WARNING, droppedNotes + " more notes not shown"));
        }
        Set<Digest> local = new HashSet<>(localDigests);
        local.removeAll(pushedDigests);
        Map<RepositoryName, Values<ImageId>> ids = new HashMap<>();
        Map<RepositoryName, Values<Digest>> digests = new HashMap<>();
        for (Entry e : entries.values()) {
            ids.put(e.repository, e.ids.copy());
            digests.put(e.repository, e.digests.copy());
        }
        placeAnonymous(out, local, ids, digests);
        List<BuiltImage> images = new ArrayList<>();
        for (Entry e : entries.values()) {
            ImageId id = resolveId(e.repository, ids.get(e.repository), out);
            Digest digest = resolveDigest(e.repository, digests.get(e.repository), local, out);
            images.add(new BuiltImage(e.repository, e.tags, id, digest, descriptions.describe(digest)));
        }
        descriptions.noteUnused(out);
        images.sort(Comparator.comparing(b -> b.repository().familiarName()));
        return new CollectedImages(images, out);
    }

    private void placeAnonymous(List<Note> out, Set<Digest> local, Map<RepositoryName, Values<ImageId>> ids,
            Map<RepositoryName, Values<Digest>> digests) {
        Map<RepositoryName, List<Entry>> groups = new LinkedHashMap<>();
        for (Entry e : entries.values()) {
            groups.computeIfAbsent(find(e.repository), r -> new ArrayList<>()).add(e);
        }
        List<ImageFact> facts = new ArrayList<>(anonymous.values());
        facts.sort(Comparator.comparing(ImageFact::precedence).reversed());
        for (ImageFact fact : facts) {
            ImageId id = fact.imageId().orElse(null);
            if (id != null && id.isComplete() && manifestDigests.contains(id.toDigest().get())) {
                out.add(new Note(Note.Kind.WARNING, fact.source() + ": " + id + " is a manifest or index digest "
                        + "(buildx --iidfile of an index), not an image ID: set aside"));
                id = null;
            }
            Digest digest = fact.digest().orElse(null);
            if (digest != null && local.contains(digest)) {
                out.add(new Note(Note.Kind.WARNING, fact.source() + ": " + digest
                        + " was never pushed: not a registry digest"));
                digest = null;
            }
            if (id == null && digest == null) {
                continue;
            }
            List<Entry> targets = targets(groups, id, ids);
            String what = id != null ? "image ID " + id : "digest " + digest;
            if (targets == null) {
                out.add(new Note(Note.Kind.WARNING, fact.source() + ": " + what
                        + (groups.isEmpty() ? " has no repository: name it with --image"
                                : " could belong to any of several images: name it with --image; not used")));
                continue;
            }
            Origin origin = new Origin(fact.source(), fact.precedence());
            for (Entry e : targets) {
                if (id != null) {
                    ids.get(e.repository).offer(id, origin);
                }
                if (digest != null) {
                    digests.get(e.repository).offer(digest, origin);
                }
            }
        }
    }

    /** Where a nameless fact goes, or null if that cannot be told. */
    private List<Entry> targets(Map<RepositoryName, List<Entry>> groups, ImageId id,
            Map<RepositoryName, Values<ImageId>> ids) {
        if (groups.isEmpty()) {
            return null;
        }
        if (id != null) {
            List<Entry> matching = new ArrayList<>();
            for (List<Entry> group : groups.values()) {
                if (group.stream().anyMatch(e -> ids.get(e.repository).anyMatches(id))) {
                    matching.addAll(group);
                }
            }
            if (!matching.isEmpty()) {
                return matching;
            }
        }
        for (List<Entry> group : groups.values()) {
            if (group.stream().anyMatch(e -> explicit.contains(e.repository))) {
                return group;
            }
        }
        if (groups.size() == 1) {
            return groups.values().iterator().next();
        }
        List<List<Entry>> withoutId = new ArrayList<>();
        for (List<Entry> group : groups.values()) {
            if (group.stream().allMatch(e -> ids.get(e.repository).isEmpty())) {
                withoutId.add(group);
            }
        }
        return id != null && withoutId.size() == 1 ? withoutId.get(0) : null;
    }

    private ImageId resolveId(RepositoryName repository, Values<ImageId> values, List<Note> out) {
        ImageId chosen = null;
        Origin chosenOrigin = null;
        for (Map.Entry<ImageId, Origin> v : values.byPrecedence()) {
            ImageId id = v.getKey();
            if (id.isComplete() && manifestDigests.contains(id.toDigest().get())) {
                continue;
            }
            if (chosen == null) {
                chosen = id;
                chosenOrigin = v.getValue();
            } else if (!chosen.matches(id) || chosen.isComplete() && id.isComplete() && !chosen.equals(id)) {
                out.add(new Note(Note.Kind.CONFLICT, repository.familiarName() + ": image ID " + chosen + " ("
                        + chosenOrigin + ") differs from " + id + " (" + v.getValue() + ")"));
            } else if (id.isComplete() && !chosen.isComplete()) {
                chosen = id;
                chosenOrigin = v.getValue();
            }
        }
        return chosen != null && chosen.isComplete() ? chosen : null;
    }

    private Digest resolveDigest(RepositoryName repository, Values<Digest> values, Set<Digest> local, List<Note> out) {
        Digest chosen = null;
        Origin chosenOrigin = null;
        for (Map.Entry<Digest, Origin> v : values.byPrecedence()) {
            Digest d = v.getKey();
            if (local.contains(d)) {
                out.add(new Note(Note.Kind.WARNING, repository.familiarName() + ": " + d + " (" + v.getValue()
                        + ") was exported but never pushed (--load or no push): not a registry digest"));
                continue;
            }
            if (chosen == null) {
                chosen = d;
                chosenOrigin = v.getValue();
            } else if (!chosen.equals(d)) {
                out.add(new Note(Note.Kind.CONFLICT, repository.familiarName() + ": registry digest " + chosen + " ("
                        + chosenOrigin + ") differs from " + d + " (" + v.getValue() + ")"));
            }
        }
        return chosen;
    }

    private Entry entry(RepositoryName repository) {
        Entry e = entries.get(repository);
        if (e == null) {
            if (entries.size() >= MAX_REPOSITORIES) {
                if (!repositoryCapWarned) {
                    repositoryCapWarned = true;
                    note(new Note(Note.Kind.WARNING, "more than " + MAX_REPOSITORIES
                            + " repositories named: the rest are ignored"));
                }
                return null;
            }
            e = new Entry(repository);
            entries.put(repository, e);
            parent.put(repository, repository);
        }
        return e;
    }

    private RepositoryName find(RepositoryName r) {
        RepositoryName root = r;
        while (!parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        RepositoryName cur = r;
        while (!cur.equals(root)) {
            RepositoryName next = parent.get(cur);
            parent.put(cur, root);
            cur = next;
        }
        return root;
    }

    private void union(RepositoryName a, RepositoryName b) {
        RepositoryName ra = find(a);
        RepositoryName rb = find(b);
        if (!ra.equals(rb)) {
            parent.put(rb, ra);
        }
    }

    private static void capped(Set<Digest> into, Set<Digest> add) {
        for (Digest d : add) {
            if (into.size() < MAX_DIGESTS) {
                into.add(d);
            }
        }
    }

    /** Where a value came from, for messages. */
    record Origin(String source, Precedence precedence) {
        @Override
        public String toString() {
            return "from " + source + ", " + precedence.label();
        }
    }

    /** Distinct values with the best origin of each, capped. */
    static final class Values<T> {
        private final LinkedHashMap<T, Origin> values = new LinkedHashMap<>();

        void offer(T value, Origin origin) {
            Origin old = values.get(value);
            if (old == null) {
                if (values.size() < MAX_VALUES) {
                    values.put(value, origin);
                }
            } else if (origin.precedence().compareTo(old.precedence()) > 0) {
                values.put(value, origin);
            }
        }

        boolean isEmpty() {
            return values.isEmpty();
        }

        boolean anyMatches(ImageId id) {
            for (T v : values.keySet()) {
                if (v instanceof ImageId i && i.matches(id)) {
                    return true;
                }
            }
            return false;
        }

        /** Highest precedence first; among equals, complete IDs and first seen first. */
        List<Map.Entry<T, Origin>> byPrecedence() {
            List<Map.Entry<T, Origin>> list = new ArrayList<>(values.entrySet());
            list.sort(Comparator.<Map.Entry<T, Origin>, Precedence>comparing(e -> e.getValue().precedence())
                    .reversed()
                    .thenComparing(e -> e.getKey() instanceof ImageId i && i.isComplete() ? 0 : 1));
            return list;
        }

        Values<T> copy() {
            Values<T> c = new Values<>();
            c.values.putAll(values);
            return c;
        }
    }

    private static final class Entry {
        final RepositoryName repository;
        final TreeSet<String> tags = new TreeSet<>();
        final Values<ImageId> ids = new Values<>();
        final Values<Digest> digests = new Values<>();

        Entry(RepositoryName repository) {
            this.repository = repository;
        }
    }
}
