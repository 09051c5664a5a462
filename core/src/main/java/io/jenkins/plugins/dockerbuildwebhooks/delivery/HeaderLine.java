package io.jenkins.plugins.dockerbuildwebhooks.delivery;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One extra request header written as {@code Name: value}, the way the CLI's {@code --header} and
 * the plugin's headers field take them. Parsing also applies {@link Endpoint.Builder#header}'s
 * rules (a valid name, not one the sender sets itself, no line breaks), so a header accepted here is
 * accepted when sending. Messages never quote a header's value.
 *
 * @param name the header name, trimmed
 * @param value the value, trimmed; may be empty
 */
public record HeaderLine(String name, String value) {

    /**
     * Parses {@code Name: value}.
     *
     * @throws IllegalArgumentException when there is no {@code Name:} part or the header is not allowed
     */
    public static HeaderLine parse(String line) {
        int colon = line.indexOf(':');
        if (colon <= 0 || line.substring(0, colon).isBlank()) {
            throw new IllegalArgumentException("a header must look like \"Name: value\"");
        }
        HeaderLine header = new HeaderLine(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        Headers.checkCustom(header.name(), header.value());
        return header;
    }

    /**
     * Parses one header per line, skipping blank lines; a later header of the same name replaces
     * an earlier one.
     *
     * @throws IllegalArgumentException naming the line by its number when one is not usable
     */
    public static Map<String, String> parseLines(String text) {
        Map<String, String> headers = new LinkedHashMap<>();
        String[] lines = (text == null ? "" : text).split("\\R");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                HeaderLine header = parse(lines[i]);
                headers.put(header.name(), header.value());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("header line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return headers;
    }

    @Override
    public String toString() {
        return name + ": " + value;
    }
}
