package io.jenkins.plugins.dockerbuildwebhooks.delivery;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules for receiver URLs and how much of them may be shown. Webhook URLs often carry a token
 * in their path or query, so a message or page shows at most {@code scheme://host[:port]/…}, and
 * no check here ever echoes more than that. The CLI, the Jenkins plugin and {@link Endpoint} all
 * use these, so a URL a form accepts is one the sender accepts.
 */
public final class WebhookUrls {
    /** What {@link #mask(String)} shows for a text that is not a URL with a scheme and a host. */
    public static final String INVALID = "(invalid URL)";

    private WebhookUrls() {}

    /**
     * What is wrong with {@code url} as a receiver URL, or empty when it is usable: it must be an
     * absolute http or https URL with a host, without user information (authentication has its own
     * settings) and without a fragment. The text describes the problem without quoting the URL,
     * e.g. {@code must start with http:// or https://}.
     */
    public static Optional<String> problem(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("must start with http:// or https://");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not contain user:password@ (use the authentication settings instead)");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.of("has no host name");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not contain a #fragment");
        }
        return Optional.empty();
    }

    /**
     * Parses a receiver URL.
     *
     * @throws IllegalArgumentException {@code URL <masked> <problem>} when {@link #problem} finds one
     */
    public static URI parse(String url) {
        Optional<String> problem = problem(url);
        if (problem.isPresent()) {
            throw new IllegalArgumentException("URL " + maskLoosely(url) + " " + problem.get());
        }
        return URI.create(url.trim());
    }

    /** {@code scheme://host[:port]/…} of {@code url}; {@link #INVALID} when it has no scheme or host. */
    public static String mask(String url) {
        try {
            URI uri = new URI(url.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return INVALID;
            }
            return mask(uri);
        } catch (URISyntaxException e) {
            return INVALID;
        }
    }

    /** {@code scheme://host[:port]/…}; just {@code /} after the host when there is no path or query. */
    public static String mask(URI uri) {
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        String rest = (uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))
                && uri.getRawQuery() == null ? "/" : "/…";
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost() + port + rest;
    }

    /** Like {@link #mask(String)}, but still names the host of a text {@link URI} cannot parse. */
    private static String maskLoosely(String text) {
        String masked = mask(text);
        if (!masked.equals(INVALID)) {
            return masked;
        }
        int schemeEnd = text.indexOf("://");
        if (schemeEnd < 0) {
            return "(" + text.length() + " characters, not shown)";
        }
        String rest = text.substring(schemeEnd + 3);
        int at = rest.indexOf('@');
        int slash = rest.indexOf('/');
        String host = rest.substring(at >= 0 && (slash < 0 || at < slash) ? at + 1 : 0, slash < 0 ? rest.length() : slash);
        return text.substring(0, schemeEnd + 3) + host + (slash < 0 ? "" : "/…");
    }
}
