package io.jenkins.plugins.dockerbuildwebhooks.cli.http;

import java.util.List;

/**
 * A request's head as it arrived.
 *
 * @param method the method, case as sent (methods are case-sensitive)
 * @param rawPath the path of the target, still percent-encoded; {@code *} for {@code OPTIONS *}
 * @param rawQuery the query after {@code ?}, or null
 * @param version {@code HTTP/1.1} or {@code HTTP/1.0}
 * @param headers every header line in arrival order, names as sent
 * @param remote the client's IP address
 */
public record HttpRequest(String method, String rawPath, String rawQuery, String version, List<HeaderField> headers,
        String remote) {

    public HttpRequest {
        headers = List.copyOf(headers);
    }

    /** The first value of a header, its name compared without regard to case (as HTTP says); null when absent. */
    public String header(String name) {
        for (HeaderField h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                return h.value();
            }
        }
        return null;
    }

    /** Every value of a header, in arrival order. */
    public List<String> headers(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(HeaderField::value).toList();
    }

    boolean http10() {
        return "HTTP/1.0".equals(version);
    }
}
