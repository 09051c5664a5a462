package io.jenkins.plugins.dockerbuildwebhooks.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed JSON object with typed accessors whose errors name the source and the key path, e.g.
 * {@code metadata.json: "containerimage.digest" must be a string but is a number}.
 */
public final class JsonObject {
    private final String source;
    private final String path;
    private final Map<String, Object> values;

    JsonObject(String source, String path, Map<String, Object> values) {
        this.source = source;
        this.path = path;
        this.values = Collections.unmodifiableMap(values);
    }

    public Set<String> keys() {
        return values.keySet();
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** The raw value: Map, List, String, Long, BigDecimal, Boolean or null. */
    public Object raw(String key) {
        return values.get(key);
    }

    /** A string member, empty when absent or null. */
    public Optional<String> optString(String key) {
        Object value = values.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String s) {
            return Optional.of(s);
        }
        throw wrongType(key, "a string", value);
    }

    /** A string member that must be present. */
    public String string(String key) {
        return optString(key).orElseThrow(() -> missing(key, "a string"));
    }

    public Optional<Long> optLong(String key) {
        Object value = values.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Long l) {
            return Optional.of(l);
        }
        throw wrongType(key, "an integer", value);
    }

    public Optional<Boolean> optBoolean(String key) {
        Object value = values.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Boolean b) {
            return Optional.of(b);
        }
        throw wrongType(key, "true or false", value);
    }

    public Optional<JsonObject> optObject(String key) {
        Object value = values.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Map<?, ?> map) {
            return Optional.of(new JsonObject(source, child(key), JsonReader.cast(map)));
        }
        throw wrongType(key, "an object", value);
    }

    public JsonObject object(String key) {
        return optObject(key).orElseThrow(() -> missing(key, "an object"));
    }

    /** An array member, empty list when absent or null. */
    public List<Object> optArray(String key) {
        Object value = values.get(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return Collections.unmodifiableList(new ArrayList<>(list));
        }
        throw wrongType(key, "an array", value);
    }

    /** The array's members, each of which must be an object. */
    public List<JsonObject> objects(String key) {
        List<JsonObject> out = new ArrayList<>();
        List<Object> items = optArray(key);
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            if (!(item instanceof Map<?, ?> map)) {
                throw new JsonFormatException(source + ": \"" + child(key) + "[" + i + "]\" must be an object but is "
                        + describe(item));
            }
            out.add(new JsonObject(source, child(key) + "[" + i + "]", JsonReader.cast(map)));
        }
        return out;
    }

    /** The array's members, each of which must be a string. */
    public List<String> strings(String key) {
        List<String> out = new ArrayList<>();
        List<Object> items = optArray(key);
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            if (!(item instanceof String s)) {
                throw new JsonFormatException(source + ": \"" + child(key) + "[" + i + "]\" must be a string but is "
                        + describe(item));
            }
            out.add(s);
        }
        return out;
    }

    /** The source name errors use. */
    public String source() {
        return source;
    }

    /** An error about this object's member {@code key}, in the same style as the accessors'. */
    public JsonFormatException error(String key, String problem) {
        return new JsonFormatException(source + ": \"" + child(key) + "\" " + problem);
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private JsonFormatException missing(String key, String expected) {
        return new JsonFormatException(source + ": \"" + child(key) + "\" is missing (expected " + expected + ")");
    }

    private JsonFormatException wrongType(String key, String expected, Object value) {
        return new JsonFormatException(source + ": \"" + child(key) + "\" must be " + expected + " but is "
                + describe(value));
    }

    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Long || value instanceof BigDecimal) {
            return "a number";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof List) {
            return "an array";
        }
        return "an object";
    }
}
