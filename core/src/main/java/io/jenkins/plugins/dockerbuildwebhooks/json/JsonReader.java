package io.jenkins.plugins.dockerbuildwebhooks.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON into plain Java values ({@link Map}, {@link List}, {@link String}, {@link Long} or
 * {@link BigDecimal}, {@link Boolean}, {@code null}), so that no other package depends on
 * Jackson. Nesting depth and string length are bounded, and duplicate keys are refused, because
 * the input (metadata files, callback bodies, journals) may come from anyone.
 */
public final class JsonReader {
    private static final int MAX_DEPTH = 64;
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(64 * 1024 * 1024)
                    .maxNumberLength(100)
                    .build())
            .build();

    private JsonReader() {}

    /**
     * Parses one JSON document.
     *
     * @param source names the input in error messages, e.g. a file name
     * @throws JsonFormatException if the bytes are not one well-formed JSON document
     */
    public static Object parse(byte[] bytes, String source) {
        try (JsonParser parser = FACTORY.createParser(bytes)) {
            return parseDocument(parser, source);
        } catch (IOException e) {
            throw failure(source, e);
        }
    }

    /** Like {@link #parse(byte[], String)}, reading a stream to its end. */
    public static Object parse(InputStream in, String source) throws IOException {
        try (JsonParser parser = FACTORY.createParser(in)) {
            return parseDocument(parser, source);
        } catch (JsonProcessingException e) {
            throw failure(source, e);
        }
    }

    /** Parses a document that must be a JSON object. */
    public static JsonObject parseObject(byte[] bytes, String source) {
        Object value = parse(bytes, source);
        if (value instanceof Map<?, ?> map) {
            return new JsonObject(source, "", cast(map));
        }
        throw new JsonFormatException(source + ": expected a JSON object but found " + JsonObject.describe(value));
    }

    /** Parses a document that must be a JSON array of objects. */
    public static List<JsonObject> parseObjectArray(byte[] bytes, String source) {
        Object value = parse(bytes, source);
        if (!(value instanceof List<?> list)) {
            throw new JsonFormatException(source + ": expected a JSON array but found " + JsonObject.describe(value));
        }
        List<JsonObject> objects = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> map)) {
                throw new JsonFormatException(source + ": element " + i + " must be an object but is "
                        + JsonObject.describe(list.get(i)));
            }
            objects.add(new JsonObject(source, "[" + i + "]", cast(map)));
        }
        return objects;
    }

    private static Object parseDocument(JsonParser parser, String source) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw new JsonFormatException(source + ": is empty, expected JSON");
        }
        Object value = readValue(parser, source);
        if (parser.nextToken() != null) {
            throw new JsonFormatException(source + ": unexpected content after the JSON document at line "
                    + parser.currentLocation().getLineNr());
        }
        return value;
    }

    private static Object readValue(JsonParser parser, String source) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    if (map.containsKey(name)) {
                        throw new JsonFormatException(source + ": duplicate key \"" + name + "\" at line "
                                + parser.currentLocation().getLineNr());
                    }
                    map.put(name, readValue(parser, source));
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    list.add(readValue(parser, source));
                }
                return list;
            }
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
                return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? new BigDecimal(parser.getBigIntegerValue())
                        : (Object) parser.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return parser.getDecimalValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new JsonFormatException(source + ": unexpected " + token + " at line "
                        + parser.currentLocation().getLineNr());
        }
    }

    private static JsonFormatException failure(String source, IOException e) {
        String message = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
        String where = e instanceof JsonProcessingException jpe && jpe.getLocation() != null
                ? " (line " + jpe.getLocation().getLineNr() + ", column " + jpe.getLocation().getColumnNr() + ")"
                : "";
        return new JsonFormatException(source + ": not valid JSON" + where + ": " + firstLine(message), e);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
