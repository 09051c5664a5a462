package io.jenkins.plugins.dockerbuildwebhooks.payload;

import io.jenkins.plugins.dockerbuildwebhooks.json.JsonWriter;
import java.time.Instant;
import java.util.List;

/**
 * Writes payloads as JSON in a {@link PayloadProfile}. Keys come in the seed's order
 * (alphabetical at every level), and the output is always valid UTF-8 JSON.
 */
public final class PayloadWriter {
    private PayloadWriter() {}

    /** The exact bytes to send for one payload: compact, no trailing newline. */
    public static byte[] toBytes(Payload payload, PayloadProfile profile) {
        return JsonWriter.toBytes(false, w -> write(w, payload, profile));
    }

    /** A JSON array of payloads, as the {@code payload} command prints it. */
    public static byte[] toArray(List<Payload> payloads, PayloadProfile profile, boolean pretty) {
        return JsonWriter.toBytes(pretty, w -> {
            w.startArray();
            for (Payload p : payloads) {
                write(w, p, profile);
            }
            w.endArray();
        });
    }

    /**
     * Writes one payload object onto {@code w}.
     *
     * @throws IllegalArgumentException for a profile that is no Docker Hub shape: those have writers of
     *     their own ({@link FormatOptions#writer()}), and writing Docker Hub JSON for them would be wrong
     */
    public static void write(JsonWriter w, Payload payload, PayloadProfile profile) {
        if (!profile.isDockerHub()) {
            throw new IllegalArgumentException("profile " + profile.id() + " is not a Docker Hub payload: write it "
                    + "with FormatOptions.writer()");
        }
        boolean legacy = profile == PayloadProfile.DOCKER_HUB_LEGACY;
        PushData push = payload.pushData();
        RepositoryInfo repo = payload.repository();
        w.startObject();
        w.field("callback_url", payload.callbackUrl());
        w.name("push_data").startObject();
        if (push.digest() != null) {
            w.field("digest", push.digest());
        }
        w.name("images").startArray();
        for (String id : push.images()) {
            w.value(id);
        }
        w.endArray();
        timestamp(w.name("pushed_at"), push.pushedAt(), legacy);
        w.field("pusher", push.pusher());
        w.field("tag", push.tag());
        w.endObject();
        w.name("repository").startObject();
        if (legacy) {
            w.field("comment_count", Long.toString(repo.commentCount()));
        } else {
            w.field("comment_count", repo.commentCount());
        }
        timestamp(w.name("date_created"), repo.dateCreated(), legacy);
        w.field("description", repo.description());
        w.field("dockerfile", repo.dockerfile());
        if (legacy && repo.fullDescription() == null) {
            w.field("full_description", "");
        } else {
            w.field("full_description", repo.fullDescription());
        }
        w.field("is_official", repo.isOfficial());
        w.field("is_private", repo.isPrivate());
        w.field("is_trusted", repo.isTrusted());
        w.field("name", repo.name());
        w.field("namespace", repo.namespace());
        w.field("owner", repo.owner());
        w.field("repo_name", repo.repoName());
        w.field("repo_url", repo.repoUrl());
        w.field("star_count", repo.starCount());
        w.field("status", repo.status());
        w.endObject();
        w.endObject();
    }

    private static void timestamp(JsonWriter w, Instant instant, boolean legacy) {
        if (legacy) {
            w.rawNumber(scientific(instant.getEpochSecond()));
        } else {
            w.value(instant.getEpochSecond());
        }
    }

    /**
     * Epoch seconds the way the seed (a Python float through {@code %g}-like formatting) shows
     * them: {@code 1417566161} becomes {@code 1.417566161e+09}.
     */
    static String scientific(long seconds) {
        if (seconds == 0) {
            return "0.0";
        }
        String sign = seconds < 0 ? "-" : "";
        String digits = Long.toString(Math.abs(seconds));
        int exponent = digits.length() - 1;
        String fraction = digits.substring(1).replaceAll("0+$", "");
        String mantissa = digits.charAt(0) + (fraction.isEmpty() ? ".0" : "." + fraction);
        return sign + mantissa + "e+" + (exponent < 10 ? "0" : "") + exponent;
    }
}
