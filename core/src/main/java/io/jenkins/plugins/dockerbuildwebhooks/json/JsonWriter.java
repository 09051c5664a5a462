package io.jenkins.plugins.dockerbuildwebhooks.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * The one way core writes JSON: UTF-8, in the order the caller writes fields, and always valid
 * whatever strings hold. Unpaired surrogates (which Java strings allow and UTF-8 cannot encode)
 * become U+FFFD; control characters, quotes and backslashes are escaped.
 */
public final class JsonWriter implements AutoCloseable {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private final JsonGenerator generator;

    private JsonWriter(OutputStream out, boolean pretty) {
        try {
            this.generator = FACTORY.createGenerator(out, JsonEncoding.UTF8);
            generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            if (pretty) {
                generator.useDefaultPrettyPrinter();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A writer onto {@code out}; closing the writer flushes but does not close {@code out}. */
    public static JsonWriter to(OutputStream out, boolean pretty) {
        return new JsonWriter(out, pretty);
    }

    /** Writes one document into a byte array. */
    public static byte[] toBytes(boolean pretty, Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonWriter writer = to(out, pretty)) {
            body.write(writer);
        }
        return out.toByteArray();
    }

    /** Code that writes one JSON value. */
    @FunctionalInterface
    public interface Body {
        void write(JsonWriter writer);
    }

    public JsonWriter startObject() {
        return run(() -> generator.writeStartObject());
    }

    public JsonWriter endObject() {
        return run(() -> generator.writeEndObject());
    }

    public JsonWriter startArray() {
        return run(() -> generator.writeStartArray());
    }

    public JsonWriter endArray() {
        return run(() -> generator.writeEndArray());
    }

    public JsonWriter name(String name) {
        return run(() -> generator.writeFieldName(clean(name)));
    }

    /** Writes a string value, or null. */
    public JsonWriter value(String value) {
        return run(() -> {
            if (value == null) {
                generator.writeNull();
            } else {
                generator.writeString(clean(value));
            }
        });
    }

    public JsonWriter value(long value) {
        return run(() -> generator.writeNumber(value));
    }

    public JsonWriter value(boolean value) {
        return run(() -> generator.writeBoolean(value));
    }

    public JsonWriter nullValue() {
        return run(() -> generator.writeNull());
    }

    /**
     * Writes a number exactly as given, e.g. {@code 1.417566161e+09}; the caller guarantees it is
     * a valid JSON number.
     */
    public JsonWriter rawNumber(String number) {
        return run(() -> generator.writeNumber(number));
    }

    /**
     * Writes a plain Java value as {@link JsonReader} returns them (maps, lists, strings, numbers,
     * booleans, null), keeping key order and numbers as read: a read body written back unchanged.
     */
    public JsonWriter any(Object value) {
        if (value == null) {
            return nullValue();
        } else if (value instanceof String s) {
            return value(s);
        } else if (value instanceof Boolean b) {
            return value(b);
        } else if (value instanceof Number n) {
            return rawNumber(n.toString());
        } else if (value instanceof java.util.Map<?, ?> map) {
            startObject();
            map.forEach((k, v) -> name(String.valueOf(k)).any(v));
            return endObject();
        } else if (value instanceof java.util.List<?> list) {
            startArray();
            list.forEach(this::any);
            return endArray();
        }
        throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }

    public JsonWriter field(String name, String value) {
        return name(name).value(value);
    }

    public JsonWriter field(String name, long value) {
        return name(name).value(value);
    }

    public JsonWriter field(String name, boolean value) {
        return name(name).value(value);
    }

    @Override
    public void close() {
        run(() -> {
            generator.flush();
            generator.close();
        });
    }

    /** Replaces unpaired surrogates with U+FFFD so the UTF-8 output is always valid. */
    static String clean(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad;
            if (Character.isHighSurrogate(c)) {
                bad = i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
                if (!bad) {
                    if (out != null) {
                        out.append(c).append(s.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else {
                bad = Character.isLowSurrogate(c);
            }
            if (bad && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (out != null) {
                out.append(bad ? '\uFFFD' : c);
            }
        }
        return out == null ? s : out.toString();
    }

    private JsonWriter run(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }
}
