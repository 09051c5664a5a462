package io.jenkins.plugins.dockerbuildwebhooks.payload;

import io.jenkins.plugins.dockerbuildwebhooks.image.Digest;
import io.jenkins.plugins.dockerbuildwebhooks.image.ManifestInfo;
import io.jenkins.plugins.dockerbuildwebhooks.image.PlatformManifest;
import io.jenkins.plugins.dockerbuildwebhooks.image.RepositoryName;
import io.jenkins.plugins.dockerbuildwebhooks.json.JsonWriter;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The Docker Distribution registry's notification envelope, as the registry sends it for a
 * manifest push: {@code {"events":[...]}} with one {@code push} event per manifest. One message
 * per pushed tag; for a multi-platform index the envelope holds an event per platform manifest
 * (pushed by digest, so without {@code tag}, as a registry reports them) and then the index's,
 * which names the tag. The tag's event has the delivery id as its id (platform events add
 * {@code -1}, {@code -2}, ...), so a retry or redelivery repeats them.
 *
 * <p>A tag whose registry digest no source showed is refused: the event's {@code target.digest}
 * and {@code url} cannot be written without it.
 */
final class RegistryNotificationFormat implements FormatWriter {
    /** The envelope's media type in Docker Distribution 3 ({@code notifications/event.go}); 2.x sent {@code v1}. */
    static final String MEDIA_TYPE = "application/vnd.docker.distribution.events.v2+json";
    /** Docker Hub's registry API host: {@code docker.io} names the registry but serves no API. */
    static final String DOCKER_HUB_API = "registry-1.docker.io";

    @Override
    public PayloadProfile profile() {
        return PayloadProfile.REGISTRY_NOTIFICATION;
    }

    @Override
    public Rendering render(PushedTag tag, PayloadFacts facts, Supplier<String> newDeliveryId) {
        if (tag.digest().isEmpty()) {
            return Rendering.refused(tag, noDigest(tag));
        }
        String id = newDeliveryId.get();
        Digest digest = tag.digest().get();
        ManifestInfo manifest = tag.image().manifest().orElse(new ManifestInfo(digest, null, -1, List.of()));
        List<PlatformManifest> platforms = manifest.platforms();
        byte[] body = JsonWriter.toBytes(false, w -> {
            w.startObject().name("events").startArray();
            for (int i = 0; i < platforms.size(); i++) {
                PlatformManifest p = platforms.get(i);
                event(w, id + "-" + (i + 1), tag, facts, p.digest(), p.mediaType(), p.size(), null);
            }
            event(w, id, tag, facts, digest, manifest.mediaType(), manifest.size(), tag.tag());
            w.endArray().endObject();
        });
        return Rendering.of(tag, List.of(new Message(id, tag.reference().toString(), body,
                Map.of(Message.CONTENT_TYPE, MEDIA_TYPE))));
    }

    static String noDigest(PushedTag tag) {
        // Shown by the CLI and the Jenkins plugin alike, so it names the sources, not one tool's options.
        return "no registry digest is known for " + tag.reference() + ", so no event can name what was pushed "
                + "(the push output, a metadata, digest or manifest file, or an image reference with @sha256:… "
                + "shows it)";
    }

    /** One event; {@code mediaType} null and {@code size} negative are left out, not guessed. */
    private static void event(JsonWriter w, String id, PushedTag tag, PayloadFacts facts, Digest digest,
            String mediaType, long size, String tagName) {
        RepositoryName repository = tag.reference().repository();
        String host = repository.isDockerHub() ? DOCKER_HUB_API : repository.domain();
        String scheme = RepositoryNames.isLocal(repository.domain()) ? "http" : "https";
        w.startObject();
        w.field("id", id);
        w.field("timestamp", tag.pushedAt().toString());
        w.field("action", "push");
        w.name("target").startObject();
        if (mediaType != null) {
            w.field("mediaType", mediaType);
        }
        if (size >= 0) {
            w.field("size", size);
        }
        w.field("digest", digest.toString());
        if (size >= 0) {
            // the registry repeats the size as the older "length"; receivers written for 2.x read it
            w.field("length", size);
        }
        w.field("repository", repository.path());
        w.field("url", scheme + "://" + host + "/v2/" + repository.path() + "/manifests/" + digest);
        if (tagName != null) {
            w.field("tag", tagName);
        }
        w.endObject();
        w.name("request").startObject()
                .field("id", id)
                .field("host", host)
                .field("method", "PUT")
                .field("useragent", facts.userAgent())
                .endObject();
        w.name("actor").startObject().field("name", facts.pusher()).endObject();
        w.name("source").startObject().field("addr", sourceAddr(facts.eventSource())).endObject();
        w.endObject();
    }

    /**
     * Who sent it: the event source's host[:port] when it has one (never its user information),
     * else the event source itself.
     */
    static String sourceAddr(String eventSource) {
        URI uri = URI.create(eventSource);
        if (uri.getHost() == null) {
            return eventSource;
        }
        return uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
