package io.jenkins.plugins.dockerbuildwebhooks.cli.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a request line and its header lines (RFC 9112), keeping every header name as it was
 * sent. Anything malformed or over a limit is a {@link ParsedHead.Refusal}, never an exception:
 * a request line or header line over {@link #MAX_LINE} bytes, more than {@link #MAX_FIELDS} header
 * lines or {@link #MAX_HEAD} bytes in all, a folded header line, white space before a colon,
 * control characters in a value, a version other than HTTP/1.x.
 */
final class RequestHeadParser {
    static final int MAX_LINE = 8 * 1024;
    static final int MAX_HEAD = 64 * 1024;
    static final int MAX_FIELDS = 200;
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern VERSION = Pattern.compile("HTTP/[0-9]\\.[0-9]");
    private static final Pattern BAD_VALUE_CHAR = Pattern.compile("[\\x00-\\x08\\x0a-\\x1f\\x7f]");
    private static final Pattern BAD_TARGET_CHAR = Pattern.compile("[\\x00-\\x20\\x7f-\\xff]");

    private RequestHeadParser() {}

    static ParsedHead read(InputStream in, String remote) throws IOException {
        LineReader lines = new LineReader(in);
        LineReader.Line first = lines.read(MAX_LINE);
        // RFC 9112 2.2: ignore at least one empty line before the request line
        for (int blank = 0; first.ok() && first.text().isEmpty() && blank < 4; blank++) {
            first = lines.read(MAX_LINE);
        }
        if (first.end() == LineReader.End.EOF) {
            return new ParsedHead.Closed();
        }
        if (first.end() == LineReader.End.TOO_LONG) {
            return new ParsedHead.Refusal(414, "request line longer than " + MAX_LINE + " bytes");
        }
        if (!first.ok()) {
            return malformed("request line not ended by CRLF");
        }
        String[] parts = first.text().split(" ", -1);
        if (parts.length != 3 || !TOKEN.matcher(parts[0]).matches() || !VERSION.matcher(parts[2]).matches()) {
            return malformed("not a request line: METHOD TARGET HTTP/1.1");
        }
        if (!parts[2].startsWith("HTTP/1.")) {
            return new ParsedHead.Refusal(505, parts[2] + " is not supported: only HTTP/1.1 and HTTP/1.0");
        }
        String[] target = target(parts[0], parts[1]);
        if (target == null) {
            return malformed("request target is not a path, an absolute URL or *");
        }
        List<HeaderField> headers = new ArrayList<>();
        int total = first.bytes();
        while (true) {
            LineReader.Line line = lines.read(MAX_LINE);
            if (line.end() == LineReader.End.TOO_LONG) {
                return new ParsedHead.Refusal(431, "a header line is longer than " + MAX_LINE + " bytes");
            }
            if (!line.ok()) {
                return malformed("header line not ended by CRLF");
            }
            total += line.bytes();
            if (total > MAX_HEAD) {
                return new ParsedHead.Refusal(431, "headers larger than " + MAX_HEAD + " bytes");
            }
            String text = line.text();
            if (text.isEmpty()) {
                break;
            }
            if (headers.size() == MAX_FIELDS) {
                return new ParsedHead.Refusal(431, "more than " + MAX_FIELDS + " header lines");
            }
            ParsedHead.Refusal bad = field(text, headers);
            if (bad != null) {
                return bad;
            }
        }
        return new ParsedHead.Request(new HttpRequest(parts[0], target[0], target[1], parts[2], headers, remote));
    }

    private static ParsedHead.Refusal field(String text, List<HeaderField> headers) {
        if (text.charAt(0) == ' ' || text.charAt(0) == '\t') {
            return malformed("folded header line (obsolete line folding is not accepted)");
        }
        int colon = text.indexOf(':');
        if (colon <= 0 || !TOKEN.matcher(text.substring(0, colon)).matches()) {
            return malformed("header line without a valid name and colon");
        }
        String value = text.substring(colon + 1).strip();
        if (BAD_VALUE_CHAR.matcher(value).find()) {
            return malformed("control character in the value of " + text.substring(0, colon));
        }
        headers.add(new HeaderField(text.substring(0, colon), value));
        return null;
    }

    /** Path and query (null when none) of an origin-form, absolute-form or asterisk-form target; null when it is none. */
    private static String[] target(String method, String target) {
        if (target.isEmpty() || BAD_TARGET_CHAR.matcher(target).find()) {
            return null;
        }
        if ("*".equals(target)) {
            return "OPTIONS".equals(method) ? new String[] {"*", null} : null;
        }
        if (target.charAt(0) != '/') {
            try {
                URI uri = new URI(target);
                if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
                        || uri.getRawAuthority() == null) {
                    return null;
                }
                String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
                return new String[] {path, uri.getRawQuery()};
            } catch (URISyntaxException e) {
                return null;
            }
        }
        int question = target.indexOf('?');
        return question < 0 ? new String[] {target, null}
                : new String[] {target.substring(0, question), target.substring(question + 1)};
    }

    private static ParsedHead.Refusal malformed(String reason) {
        return new ParsedHead.Refusal(400, reason);
    }
}
