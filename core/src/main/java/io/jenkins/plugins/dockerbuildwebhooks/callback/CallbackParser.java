package io.jenkins.plugins.dockerbuildwebhooks.callback;

import io.jenkins.plugins.dockerbuildwebhooks.json.JsonFormatException;
import io.jenkins.plugins.dockerbuildwebhooks.json.JsonObject;
import io.jenkins.plugins.dockerbuildwebhooks.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Turns an untrusted callback request into a {@link CallbackReport}, or refuses it with an
 * {@link InvalidCallbackException} whose message says what is wrong.
 *
 * <p>The contract is Docker Hub's: a JSON object with {@code state} ({@code success},
 * {@code failure} or {@code error}, required), {@code description} (at most
 * {@value #MAX_DESCRIPTION} characters), {@code context} (at most {@value #MAX_CONTEXT}
 * characters) and {@code target_url} (an absolute http or https URL). Other members are ignored,
 * as receivers may add their own. Because the endpoint that accepts callbacks cannot require a
 * login, everything is bounded: the body ({@value #MAX_BODY_BYTES} bytes, read no further), the
 * nesting depth (by {@link JsonReader}), and each string; control and bidirectional-override
 * characters are refused so that a report cannot disguise itself where it is shown.
 */
public final class CallbackParser {
    /** Largest accepted body in bytes; a real report is a few hundred bytes. */
    public static final int MAX_BODY_BYTES = 16 * 1024;
    /** Longest {@code description}, in characters (Unicode code points). */
    public static final int MAX_DESCRIPTION = 255;
    /** Longest {@code context}, in characters (Unicode code points). */
    public static final int MAX_CONTEXT = 100;
    /** Longest {@code target_url}, in characters. */
    public static final int MAX_TARGET_URL = 2048;

    private static final String SOURCE = "callback body";
    private static final int EXCERPT = 40;

    /**
     * Reads at most {@value #MAX_BODY_BYTES} + 1 bytes of {@code body} and parses them.
     *
     * @param contentType the request's Content-Type header, or null when it had none
     * @throws InvalidCallbackException when the request is refused
     * @throws IOException when reading the stream fails
     */
    public CallbackReport parse(String contentType, InputStream body) throws IOException {
        checkContentType(contentType);
        byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
        return parseBody(bytes);
    }

    /**
     * Parses a body already in memory.
     *
     * @param contentType the request's Content-Type header, or null when it had none
     * @throws InvalidCallbackException when the request is refused
     */
    public CallbackReport parse(String contentType, byte[] body) {
        checkContentType(contentType);
        return parseBody(body);
    }

    private static CallbackReport parseBody(byte[] bytes) {
        if (bytes.length > MAX_BODY_BYTES) {
            throw new InvalidCallbackException(InvalidCallbackException.Reason.TOO_LARGE,
                    SOURCE + ": larger than " + MAX_BODY_BYTES + " bytes");
        }
        JsonObject json;
        try {
            json = JsonReader.parseObject(bytes, SOURCE);
        } catch (JsonFormatException e) {
            throw new InvalidCallbackException(InvalidCallbackException.Reason.MALFORMED, e.getMessage(), e);
        }
        try {
            return new CallbackReport(state(json), text(json, "description", MAX_DESCRIPTION),
                    text(json, "context", MAX_CONTEXT), targetUrl(json));
        } catch (JsonFormatException e) {
            // a member of the wrong JSON type: the accessor's message names the key
            throw new InvalidCallbackException(InvalidCallbackException.Reason.INVALID, e.getMessage(), e);
        }
    }

    private static void checkContentType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return; // some receivers (jsperf/docker-hub-hook) send none
        }
        String[] parts = contentType.split(";");
        String mediaType = parts[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json") && !mediaType.endsWith("+json")) {
            throw new InvalidCallbackException(InvalidCallbackException.Reason.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type: expected application/json but is " + excerpt(mediaType));
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim().toLowerCase(Locale.ROOT);
            if (parameter.startsWith("charset=")) {
                String charset = parameter.substring("charset=".length()).replace("\"", "");
                if (!charset.equals("utf-8") && !charset.equals("utf8")) {
                    throw new InvalidCallbackException(InvalidCallbackException.Reason.UNSUPPORTED_MEDIA_TYPE,
                            "Content-Type: JSON must be UTF-8 but the charset is " + excerpt(charset));
                }
            }
        }
    }

    private static CallbackState state(JsonObject json) {
        if (!json.has("state") || json.raw("state") == null) {
            throw invalid("\"state\" is missing (expected one of " + CallbackState.allowed() + ")");
        }
        String value = json.string("state");
        return CallbackState.fromWireName(value).orElseThrow(() -> invalid("\"state\" must be one of "
                + CallbackState.allowed() + " but is " + excerpt(value)));
    }

    private static String text(JsonObject json, String key, int maxLength) {
        String value = json.optString(key).orElse("");
        int length = value.codePointCount(0, value.length());
        if (length > maxLength) {
            throw invalid("\"" + key + "\" is " + length + " characters long, at most " + maxLength + " are allowed");
        }
        checkCharacters(key, value);
        return value;
    }

    private static String targetUrl(JsonObject json) {
        String value = json.optString("target_url").orElse("");
        if (value.isEmpty()) {
            return null;
        }
        if (value.length() > MAX_TARGET_URL) {
            throw invalid("\"target_url\" is " + value.length() + " characters long, at most " + MAX_TARGET_URL
                    + " are allowed");
        }
        checkCharacters("target_url", value);
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw invalid("\"target_url\" is not a valid URL: " + excerpt(value));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid("\"target_url\" must be an absolute http or https URL but is " + excerpt(value));
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw invalid("\"target_url\" has no host name: " + excerpt(value));
        }
        if (uri.getRawUserInfo() != null) {
            // "https://jenkins.example@evil.example/" reads like a link to Jenkins
            throw invalid("\"target_url\" must not contain user information");
        }
        return value;
    }

    private static void checkCharacters(String key, String value) {
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            if (Character.isISOControl(cp) || isBidiControl(cp) || isLoneSurrogate(cp) || cp == 0x2028 || cp == 0x2029) {
                throw invalid(String.format(Locale.ROOT, "\"%s\" must not contain the control character U+%04X"
                        + " (at index %d)", key, cp, i));
            }
            i += Character.charCount(cp);
        }
    }

    private static boolean isBidiControl(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F
                || cp == 0x061C;
    }

    private static boolean isLoneSurrogate(int cp) {
        // codePointAt returns a surrogate only when it is not part of a valid pair
        return cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE;
    }

    private static InvalidCallbackException invalid(String problem) {
        return new InvalidCallbackException(InvalidCallbackException.Reason.INVALID, SOURCE + ": " + problem);
    }

    /** A short, quoted, printable excerpt of untrusted text for an error message. */
    static String excerpt(String value) {
        StringBuilder out = new StringBuilder("\"");
        int shown = 0;
        for (int i = 0; i < value.length() && shown < EXCERPT; i++, shown++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
        if (value.length() > EXCERPT) {
            out.append(" (").append(value.length()).append(" characters)");
        }
        return out.toString();
    }
}
