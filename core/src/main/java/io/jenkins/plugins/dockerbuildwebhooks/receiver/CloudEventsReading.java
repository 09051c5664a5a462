package io.jenkins.plugins.dockerbuildwebhooks.receiver;

import io.jenkins.plugins.dockerbuildwebhooks.json.JsonFormatException;
import io.jenkins.plugins.dockerbuildwebhooks.json.JsonReader;
import io.jenkins.plugins.dockerbuildwebhooks.receiver.ReceivedFormat.Field;
import io.jenkins.plugins.dockerbuildwebhooks.receiver.ReceivedFormat.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Reads a CloudEvent in either HTTP mode: its attributes, what is missing, and a CDEvent it carries. */
final class CloudEventsReading {
    private static final List<String> SHOWN = List.of("specversion", "id", "source", "type", "subject", "time");

    private CloudEventsReading() {}

    static ReceivedFormat binary(Function<String, String> header, byte[] body) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String name : SHOWN) {
            attributes.put(name, header.apply("ce-" + name));
        }
        Object data = null;
        List<String> problems = new ArrayList<>();
        String contentType = header.apply("Content-Type");
        if (contentType != null && contentType.startsWith("application/json")) {
            try {
                data = JsonReader.parse(body, "body");
            } catch (JsonFormatException e) {
                problems.add("Content-Type says JSON but the body is not: " + e.getMessage());
            }
        }
        return read(Kind.CLOUDEVENTS_BINARY, attributes, data, problems);
    }

    static ReceivedFormat structured(byte[] body) {
        Object json;
        try {
            json = JsonReader.parse(body, "body");
        } catch (JsonFormatException e) {
            return new ReceivedFormat(Kind.CLOUDEVENTS_STRUCTURED, List.of(), List.of(e.getMessage()), null);
        }
        if (!(json instanceof Map<?, ?> event)) {
            return new ReceivedFormat(Kind.CLOUDEVENTS_STRUCTURED, List.of(), List.of("a structured CloudEvent is a JSON "
                    + "object"), null);
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String name : SHOWN) {
            attributes.put(name, ReceivedFormat.text(event.get(name)));
        }
        return read(Kind.CLOUDEVENTS_STRUCTURED, attributes, event.get("data"), new ArrayList<>());
    }

    private static ReceivedFormat read(Kind kind, Map<String, String> attributes, Object data, List<String> problems) {
        List<Field> fields = new ArrayList<>();
        attributes.forEach((name, value) -> fields.add(new Field(name, value)));
        for (String required : ReceivedFormat.REQUIRED_ATTRIBUTES) {
            if (attributes.get(required) == null || attributes.get(required).isEmpty()) {
                problems.add("required attribute " + required + " is missing");
            }
        }
        if (attributes.get("specversion") != null && !"1.0".equals(attributes.get("specversion"))) {
            problems.add("specversion " + attributes.get("specversion") + " is not 1.0");
        }
        byte[] cdEvent = null;
        String type = attributes.get("type");
        if (type != null && type.startsWith("dev.cdevents.")) {
            if (data instanceof Map<?, ?> cd) {
                cdEvent = ReceivedFormat.json(cd);
                fields.add(new Field("data.subject.id", subjectId(cd)));
                String contextId = cd.get("context") instanceof Map<?, ?> c ? ReceivedFormat.text(c.get("id")) : null;
                if (contextId != null && !contextId.equals(attributes.get("id"))) {
                    problems.add("the CDEvent's context.id " + contextId + " is not the CloudEvent id "
                            + attributes.get("id"));
                }
            } else {
                problems.add("type " + type + " is a CDEvent, but the data is no JSON object");
            }
        }
        return new ReceivedFormat(kind, fields, problems, cdEvent);
    }

    private static String subjectId(Map<?, ?> cdEvent) {
        return cdEvent.get("subject") instanceof Map<?, ?> s ? ReceivedFormat.text(s.get("id")) : null;
    }
}
