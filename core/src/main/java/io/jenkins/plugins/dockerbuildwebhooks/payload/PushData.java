package io.jenkins.plugins.dockerbuildwebhooks.payload;

import java.time.Instant;
import java.util.List;

/**
 * The payload's {@code push_data} object.
 *
 * @param images image IDs as the seed lists them: 64 hex digits without {@code sha256:}
 * @param pushedAt when the push happened, written as epoch seconds
 * @param pusher who pushed
 * @param tag the tag this payload is about
 * @param digest the registry's manifest or index digest ({@code sha256:...}) when the payload
 *     includes it (an opt-in extension, see {@link PayloadFacts.Builder#includeDigest}); else null
 */
public record PushData(List<String> images, Instant pushedAt, String pusher, String tag, String digest) {
    public PushData {
        images = List.copyOf(images);
    }
}
