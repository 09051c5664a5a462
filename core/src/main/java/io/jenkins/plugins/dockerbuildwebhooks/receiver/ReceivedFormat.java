package io.jenkins.plugins.dockerbuildwebhooks.receiver;

import io.jenkins.plugins.dockerbuildwebhooks.json.JsonFormatException;
import io.jenkins.plugins.dockerbuildwebhooks.json.JsonReader;
import io.jenkins.plugins.dockerbuildwebhooks.json.JsonWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Which of the four formats a received request is in, read leniently from its headers and body,
 * with the fields a person checks first and what is wrong with it. A CloudEvent whose type is a
 * CDEvent also hands out the CDEvent itself, so the caller can check it against its JSON schema.
 *
 * <ul>
 *   <li>CloudEvents binary mode: a {@code ce-specversion} header; attributes in {@code ce-*} headers.
 *   <li>CloudEvents structured mode: {@code Content-Type: application/cloudevents+json}.
 *   <li>Registry notification: a JSON object with an {@code events} array.
 *   <li>Docker Hub: a JSON object with {@code push_data} or {@code repository}.
 * </ul>
 *
 * @param fields name and value, in the order shown; values may be null (absent)
 * @param problems what does not conform, empty when nothing was found wrong
 * @param cdEvent the CDEvent's JSON when the request carries one, else null
 */
public record ReceivedFormat(Kind kind, List<Field> fields, List<String> problems, byte[] cdEvent) {
    /** The formats {@code receive} knows. */
    public enum Kind {
        DOCKER_HUB("Docker Hub"),
        REGISTRY_NOTIFICATION("registry notification"),
        CLOUDEVENTS_BINARY("CloudEvents (binary)"),
        CLOUDEVENTS_STRUCTURED("CloudEvents (structured)"),
        UNKNOWN("unknown");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One field as shown. */
    public record Field(String name, String value) {}

    static final List<String> REQUIRED_ATTRIBUTES = List.of("specversion", "id", "source", "type");

    public ReceivedFormat {
        fields = List.copyOf(fields);
        problems = List.copyOf(problems);
    }

    /**
     * Recognises the request.
     *
     * @param header the request's first value of a header (case-insensitive name), or null
     */
    public static ReceivedFormat of(Function<String, String> header, byte[] body) {
        if (header.apply("ce-specversion") != null) {
            return CloudEventsReading.binary(header, body);
        }
        String contentType = header.apply("Content-Type");
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/cloudevents+json")) {
            return CloudEventsReading.structured(body);
        }
        Object json;
        try {
            json = JsonReader.parse(body, "body");
        } catch (JsonFormatException e) {
            return new ReceivedFormat(Kind.UNKNOWN, List.of(), List.of(body.length == 0 ? "the body is empty"
                    : e.getMessage()), null);
        }
        if (json instanceof Map<?, ?> root && root.containsKey("events")) {
            return registry(root.get("events"));
        }
        if (json instanceof Map<?, ?> root && (root.containsKey("push_data") || root.containsKey("repository"))) {
            return dockerHub(PayloadSummary.of(body));
        }
        return new ReceivedFormat(Kind.UNKNOWN, List.of(), List.of("neither a Docker Hub payload, a registry "
                + "notification nor a CloudEvent"), null);
    }

    private static ReceivedFormat dockerHub(PayloadSummary s) {
        List<Field> fields = List.of(new Field("repository.repo_name", s.repoName()), new Field("push_data.tag", s.tag()),
                new Field("push_data.pusher", s.pusher()));
        List<String> problems = new ArrayList<>();
        if (s.repoName() == null) {
            problems.add("repository.repo_name is missing (receivers need it to find the image)");
        }
        if (s.tag() == null) {
            problems.add("push_data.tag is missing (keel and Argo CD Image Updater refuse such payloads)");
        }
        return new ReceivedFormat(Kind.DOCKER_HUB, fields, problems, null);
    }

    private static ReceivedFormat registry(Object events) {
        List<Field> fields = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (!(events instanceof List<?> list) || list.isEmpty()) {
            return new ReceivedFormat(Kind.REGISTRY_NOTIFICATION, fields, List.of("\"events\" must be a non-empty array"),
                    null);
        }
        for (int i = 0; i < list.size(); i++) {
            String at = "events[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> event) || !(event.get("target") instanceof Map<?, ?> target)) {
                problems.add(at + " has no target object");
                continue;
            }
            String action = text(event.get("action"));
            String digest = text(target.get("digest"));
            String tag = text(target.get("tag"));
            fields.add(new Field(at, action + " " + text(target.get("repository")) + (tag == null ? "" : ":" + tag) + "@"
                    + digest + (target.get("mediaType") == null ? "" : " (" + text(target.get("mediaType")) + ")")));
            for (String key : List.of("id", "timestamp", "action")) {
                if (text(event.get(key)) == null) {
                    problems.add(at + "." + key + " is missing");
                }
            }
            for (String key : List.of("digest", "repository", "url")) {
                if (text(target.get(key)) == null) {
                    problems.add(at + ".target." + key + " is missing");
                }
            }
        }
        return new ReceivedFormat(Kind.REGISTRY_NOTIFICATION, fields, problems, null);
    }

    static String text(Object value) {
        return value instanceof String s ? s : value == null ? null : String.valueOf(value);
    }

    static byte[] json(Object value) {
        return JsonWriter.toBytes(false, w -> w.any(value));
    }
}
