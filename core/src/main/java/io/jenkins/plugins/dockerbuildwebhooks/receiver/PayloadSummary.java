package io.jenkins.plugins.dockerbuildwebhooks.receiver;

import io.jenkins.plugins.dockerbuildwebhooks.json.JsonFormatException;
import io.jenkins.plugins.dockerbuildwebhooks.json.JsonObject;
import io.jenkins.plugins.dockerbuildwebhooks.json.JsonReader;
import java.util.ArrayList;
import java.util.List;

/**
 * The Docker Hub fields a receiver acts on, read leniently from a received body: each is null when
 * absent or of another type, and {@code problem} says why the body could not be read at all.
 *
 * @param repoName {@code repository.repo_name}
 * @param tag {@code push_data.tag}
 * @param pusher {@code push_data.pusher}
 * @param images {@code push_data.images} (each member as text)
 * @param callbackUrl {@code callback_url}
 * @param problem null when the body is a JSON object, else what is wrong with it
 */
public record PayloadSummary(
        String repoName, String tag, String pusher, List<String> images, String callbackUrl, String problem) {

    public PayloadSummary {
        images = List.copyOf(images);
    }

    /** Reads the fields from a request body. */
    public static PayloadSummary of(byte[] body) {
        if (body.length == 0) {
            return failed("the body is empty");
        }
        JsonObject root;
        try {
            root = JsonReader.parseObject(body, "body");
        } catch (JsonFormatException e) {
            return failed(e.getMessage());
        }
        JsonObject repository = object(root, "repository");
        JsonObject pushData = object(root, "push_data");
        List<String> images = new ArrayList<>();
        if (pushData != null && pushData.raw("images") instanceof List<?> list) {
            for (Object image : list) {
                images.add(String.valueOf(image));
            }
        }
        return new PayloadSummary(
                text(repository, "repo_name"),
                text(pushData, "tag"),
                text(pushData, "pusher"),
                images,
                text(root, "callback_url"),
                null);
    }

    private static PayloadSummary failed(String problem) {
        return new PayloadSummary(null, null, null, List.of(), null, problem);
    }

    private static JsonObject object(JsonObject parent, String key) {
        try {
            return parent.optObject(key).orElse(null);
        } catch (JsonFormatException wrongType) {
            return null;
        }
    }

    private static String text(JsonObject parent, String key) {
        return parent != null && parent.raw(key) instanceof String s ? s : null;
    }
}
