package io.jenkins.plugins.dockerbuildwebhooks.payload;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Docker Hub's webhook payload ({@code docker-hub}, {@code docker-hub-legacy}): one message per
 * tag, {@code application/json}. Never refuses: a tag without ID or digest still has a payload
 * ({@code images: []}), as Docker Hub sends one.
 */
final class DockerHubFormat implements FormatWriter {
    static final String JSON = "application/json";

    private final PayloadProfile profile;

    DockerHubFormat(PayloadProfile profile) {
        if (!profile.isDockerHub()) {
            throw new IllegalArgumentException(profile + " is not a Docker Hub profile");
        }
        this.profile = profile;
    }

    @Override
    public PayloadProfile profile() {
        return profile;
    }

    @Override
    public Rendering render(PushedTag tag, PayloadFacts facts, Supplier<String> newDeliveryId) {
        String id = newDeliveryId.get();
        Payload payload = PayloadFactory.create(tag, facts, facts.callbackUrlFor(id));
        byte[] body = PayloadWriter.toBytes(payload, profile);
        return Rendering.of(tag, List.of(new Message(id, tag.reference().toString(), body,
                Map.of(Message.CONTENT_TYPE, JSON))));
    }
}
