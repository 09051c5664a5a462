package io.jenkins.plugins.dockerbuildwebhooks.payload;

import io.jenkins.plugins.dockerbuildwebhooks.image.Digest;
import io.jenkins.plugins.dockerbuildwebhooks.image.Platform;
import io.jenkins.plugins.dockerbuildwebhooks.image.PlatformManifest;
import io.jenkins.plugins.dockerbuildwebhooks.json.JsonWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * CDEvents {@code artifact.published}, one CloudEvent per message: for each pushed tag an event
 * whose subject is the tag's image (index or manifest) and, for a multi-platform index, one more
 * per platform manifest, its purl qualified with {@code arch} and {@code os}; platform events come
 * first and the index's last, in the order a registry receives them. Each event's
 * {@code context.id} is the id of its own delivery, so receivers can de-duplicate retries and
 * redeliveries by it.
 *
 * <p>A tag whose registry digest no source showed is refused: an OCI purl without its digest
 * does not name what was published.
 */
final class CdEventsFormat implements FormatWriter {
    private final CdEventsSpec spec;
    private final CloudEventsMode mode;

    CdEventsFormat(CdEventsSpec spec, CloudEventsMode mode) {
        this.spec = spec;
        this.mode = mode;
    }

    @Override
    public PayloadProfile profile() {
        return PayloadProfile.CDEVENTS;
    }

    @Override
    public Rendering render(PushedTag tag, PayloadFacts facts, Supplier<String> newDeliveryId) {
        if (tag.digest().isEmpty()) {
            return Rendering.refused(tag, RegistryNotificationFormat.noDigest(tag));
        }
        List<Message> messages = new ArrayList<>();
        for (PlatformManifest p : tag.image().platforms()) {
            messages.add(message(newDeliveryId.get(), tag, facts, p.digest(), p.platform()));
        }
        messages.add(message(newDeliveryId.get(), tag, facts, tag.digest().get(), null));
        return Rendering.of(tag, messages);
    }

    private Message message(String id, PushedTag tag, PayloadFacts facts, Digest digest, Platform platform) {
        // the tag points at the index, so only the index's purl carries it
        String subject = OciPurl.of(tag.reference().repository(), digest, platform == null ? tag.tag() : null, platform);
        CloudEventsBinding.Attributes attributes = new CloudEventsBinding.Attributes(id, facts.eventSource(),
                spec.publishedType(), subject, tag.pushedAt().toString());
        String label = tag.reference() + (platform == null ? "" : " " + platform);
        return CloudEventsBinding.message(mode, label, attributes, w -> cdEvent(w, attributes, facts));
    }

    /** The CDEvent itself: a context and a subject, nothing the schema does not allow. */
    private void cdEvent(JsonWriter w, CloudEventsBinding.Attributes a, PayloadFacts facts) {
        w.startObject();
        w.name("context").startObject()
                .field(spec.versionKey(), spec.version())
                .field("id", a.id())
                .field("source", a.source())
                .field("type", a.type())
                .field("timestamp", a.time())
                .endObject();
        w.name("subject").startObject();
        w.field("id", a.subject());
        w.field("source", a.source());
        if (spec.writesSubjectType()) {
            w.field("type", "artifact");
        }
        w.name("content").startObject().field("user", facts.pusher()).endObject();
        w.endObject();
        w.endObject();
    }
}
