package io.jenkins.plugins.dockerbuildwebhooks.cli.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a handler answers: a status, headers and the whole body. The server adds
 * {@code Content-Length}, {@code Date} and {@code Connection} itself, and leaves the body out for
 * {@code HEAD}, 204 and 304.
 *
 * @param close whether the connection must be closed after this response
 */
public record HttpResponse(int status, List<HeaderField> headers, byte[] body, boolean close) {

    public HttpResponse {
        headers = List.copyOf(headers);
    }

    public static HttpResponse of(int status, String contentType, byte[] body) {
        return new HttpResponse(status, List.of(new HeaderField("Content-Type", contentType)), body, false);
    }

    public static HttpResponse text(int status, String text) {
        return of(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    public HttpResponse withHeader(String name, String value) {
        List<HeaderField> more = new ArrayList<>(headers);
        more.add(new HeaderField(name, value));
        return new HttpResponse(status, more, body, close);
    }

    public HttpResponse closing() {
        return new HttpResponse(status, headers, body, true);
    }
}
