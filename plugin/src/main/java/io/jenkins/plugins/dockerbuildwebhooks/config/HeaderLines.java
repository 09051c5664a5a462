package io.jenkins.plugins.dockerbuildwebhooks.config;

import java.util.LinkedHashMap;
import java.util.Map;

/** The extra-headers field: one {@code Name: value} per line, blank lines ignored. */
public final class HeaderLines {
    private HeaderLines() {}

    /**
     * Parses the field.
     *
     * @throws IllegalArgumentException naming the line (by number, never its value) that has no
     *     {@code Name:} part
     */
    public static Map<String, String> parse(String text) {
        Map<String, String> headers = new LinkedHashMap<>();
        String[] lines = (text == null ? "" : text).split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("header line " + (i + 1) + " must look like \"Name: value\"");
            }
            headers.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
        return headers;
    }
}
