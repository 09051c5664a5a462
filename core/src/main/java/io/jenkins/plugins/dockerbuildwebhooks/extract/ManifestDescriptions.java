package io.jenkins.plugins.dockerbuildwebhooks.extract;

import io.jenkins.plugins.dockerbuildwebhooks.image.Digest;
import io.jenkins.plugins.dockerbuildwebhooks.image.ManifestInfo;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Descriptions of manifests and indexes, kept by digest and merged as sources add parts; and the
 * sources that only describe (raw manifest files), so one that describes no image found can be
 * noted instead of silently ignored.
 */
final class ManifestDescriptions {
    private final Map<Digest, ManifestInfo> byDigest = new HashMap<>();
    private final Map<String, List<Digest>> describeOnly = new LinkedHashMap<>();
    private final Set<Digest> used = new HashSet<>();

    void add(ImageFact fact) {
        for (ManifestInfo m : fact.manifests()) {
            if (byDigest.size() < ImageCollector.MAX_DIGESTS || byDigest.containsKey(m.digest())) {
                byDigest.merge(m.digest(), m, ManifestInfo::merge);
            }
        }
        if (!fact.manifests().isEmpty() && fact.names().isEmpty() && fact.digest().isEmpty()
                && describeOnly.size() < ImageCollector.MAX_ANONYMOUS) {
            describeOnly.put(fact.source(), fact.manifests().stream().map(ManifestInfo::digest).toList());
        }
    }

    /** The description of {@code digest} (null for none or a null digest), remembered as used. */
    ManifestInfo describe(Digest digest) {
        ManifestInfo m = digest == null ? null : byDigest.get(digest);
        if (m != null) {
            used.add(digest);
        }
        return m;
    }

    /** Notes for the describe-only sources none of whose digests was used. */
    void noteUnused(List<Note> out) {
        describeOnly.forEach((source, digests) -> {
            if (digests.stream().noneMatch(used::contains)) {
                out.add(new Note(Note.Kind.WARNING, source + ": describes " + digests.get(0) + ", which is not "
                        + "the registry digest of any image found (give the push output, --metadata-file or "
                        + "--image REF@DIGEST): not used"));
            }
        });
    }
}
