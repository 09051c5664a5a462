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
 */
public record PushData(List<String> images, Instant pushedAt, String pusher, String tag) {
    public PushData {
        images = List.copyOf(images);
    }
}
