package io.jenkins.plugins.dockerbuildwebhooks.cli;

import io.jenkins.plugins.dockerbuildwebhooks.json.JsonWriter;
import java.util.List;
import java.util.Map;

/** Writes the plain Java values core's JsonReader gives back out, keeping key order and numbers as read. */
final class JsonValues {
    private JsonValues() {}

    static void write(JsonWriter w, Object value) {
        if (value == null) {
            w.nullValue();
        } else if (value instanceof String s) {
            w.value(s);
        } else if (value instanceof Boolean b) {
            w.value(b);
        } else if (value instanceof Number n) {
            w.rawNumber(n.toString());
        } else if (value instanceof Map<?, ?> map) {
            w.startObject();
            map.forEach((k, v) -> write(w.name((String) k), v));
            w.endObject();
        } else if (value instanceof List<?> list) {
            w.startArray();
            list.forEach(v -> write(w, v));
            w.endArray();
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        }
    }
}
