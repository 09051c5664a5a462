package io.jenkins.plugins.dockerbuildwebhooks.deliveries;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What may be shown of URLs and payloads: only {@code scheme://host[:port]/…} of a URL, since
 * webhook URLs often carry tokens in their path or query.
 */
public final class Masking {
    private static final Pattern CALLBACK_URL = Pattern.compile("(\"callback_url\"\\s*:\\s*\")([^\"]*)(\")");

    private Masking() {}

    /** {@code https://hooks.example.com/…}; a text that is no URL becomes {@code (invalid URL)}. */
    public static String url(String url) {
        try {
            URI uri = new URI(url.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "(invalid URL)";
            }
            String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
            boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))
                    && uri.getRawQuery() == null;
            return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost() + port + (bare ? "/" : "/…");
        } catch (URISyntaxException e) {
            return "(invalid URL)";
        }
    }

    /** The payload JSON with its {@code callback_url} (which carries a per-delivery token) masked. */
    public static String payload(String json) {
        Matcher m = CALLBACK_URL.matcher(json);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = m.group(2);
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + (value.isEmpty() ? "" : url(value)) + m.group(3)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
