package io.jenkins.plugins.dockerbuildwebhooks.cli.http;

import java.util.List;
import java.util.Locale;

/**
 * How long a request's body is (RFC 9112 6.3): its {@code Content-Length}, or chunked, or none.
 * A request with both, with differing or malformed lengths, or with a transfer coding other than
 * chunked is refused: the server could not tell where it ends, and a guess is how requests get smuggled.
 *
 * @param length the body's length; -1 when chunked
 * @param refusal null, or why the request is refused
 */
record BodyFraming(long length, ParsedHead.Refusal refusal) {

    static BodyFraming of(HttpRequest request) {
        List<String> codings = request.headers("Transfer-Encoding");
        List<String> lengths = request.headers("Content-Length");
        if (!codings.isEmpty()) {
            if (!lengths.isEmpty()) {
                return refused(400, "both Transfer-Encoding and Content-Length");
            }
            String all = String.join(",", codings).toLowerCase(Locale.ROOT).replace(" ", "").replace("\t", "");
            return "chunked".equals(all) ? new BodyFraming(-1, null)
                    : refused(501, "Transfer-Encoding " + String.join(", ", codings) + " is not supported, only chunked");
        }
        long length = 0;
        boolean seen = false;
        for (String value : lengths) {
            for (String one : value.split(",", -1)) {
                String digits = one.strip();
                if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    return refused(400, "Content-Length " + value + " is not a number of bytes");
                }
                long parsed = Long.parseLong(digits);
                if (seen && parsed != length) {
                    return refused(400, "differing Content-Length values");
                }
                length = parsed;
                seen = true;
            }
        }
        return new BodyFraming(length, null);
    }

    boolean chunked() {
        return length < 0;
    }

    private static BodyFraming refused(int status, String reason) {
        return new BodyFraming(0, new ParsedHead.Refusal(status, reason));
    }
}
