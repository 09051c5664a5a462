package io.jenkins.plugins.dockerbuildwebhooks.cli.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** Writes a response as HTTP/1.1: status line, the handler's headers, then the ones the server owns, then the body. */
final class ResponseWriter {
    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(100, "Continue"), Map.entry(200, "OK"), Map.entry(201, "Created"), Map.entry(202, "Accepted"),
            Map.entry(204, "No Content"), Map.entry(301, "Moved Permanently"), Map.entry(302, "Found"),
            Map.entry(304, "Not Modified"), Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"),
            Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"), Map.entry(408, "Request Timeout"),
            Map.entry(410, "Gone"), Map.entry(413, "Content Too Large"), Map.entry(414, "URI Too Long"),
            Map.entry(417, "Expectation Failed"), Map.entry(429, "Too Many Requests"),
            Map.entry(431, "Request Header Fields Too Large"), Map.entry(500, "Internal Server Error"),
            Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Unavailable"),
            Map.entry(504, "Gateway Timeout"), Map.entry(505, "HTTP Version Not Supported"));

    /** RFC 9110's IMF-fixdate: two-digit day, English names, GMT. */
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private ResponseWriter() {}

    static void writeContinue(OutputStream out) throws IOException {
        out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /**
     * @param headOnly whether the request was {@code HEAD}: headers, no body
     * @param keepAliveHeader whether to say {@code Connection: keep-alive} (an HTTP/1.0 client asked for it)
     */
    static void write(OutputStream out, HttpResponse response, boolean headOnly, boolean close, boolean keepAliveHeader)
            throws IOException {
        int status = response.status();
        boolean bodyless = status == 204 || status == 304;
        ByteArrayOutputStream head = new ByteArrayOutputStream(256);
        line(head, "HTTP/1.1 " + status + " " + REASONS.getOrDefault(status, "Status " + status));
        for (HeaderField h : response.headers()) {
            line(head, h.name() + ": " + h.value());
        }
        line(head, "Date: " + DATE.format(Instant.now()));
        if (!bodyless) {
            line(head, "Content-Length: " + response.body().length);
        }
        if (close) {
            line(head, "Connection: close");
        } else if (keepAliveHeader) {
            line(head, "Connection: keep-alive");
        }
        line(head, "");
        head.writeTo(out);
        if (!headOnly && !bodyless) {
            out.write(response.body());
        }
        out.flush();
    }

    private static void line(ByteArrayOutputStream head, String text) {
        head.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
        head.writeBytes(new byte[] {'\r', '\n'});
    }
}
