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
     * absolute http or https URL with a host and a port from 1 to 65535, without user information
     * (authentication has its own settings) and without a fragment. The host may be an IPv4 address
     * in any spelling curl and browsers accept ({@code 0x7f.0.0.1}, {@code 0177.0.0.1},
     * {@code 127.1}); {@link #parse} writes it in dotted decimal, so the address policy judges the
     * address it means. The text describes the problem without quoting the URL, e.g.
     * {@code must start with http:// or https://}.
     */
    public static Optional<String> problem(String url) {
        String text = url.trim();
        if (!text.contains("://")) {
            return Optional.of("must start with http:// or https://");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("must start with http:// or https://");
        }
        if (uri.getRawUserInfo() != null || uri.getHost() == null && uri.getRawAuthority() != null
                && uri.getRawAuthority().indexOf('@') >= 0) {
            return Optional.of("must not contain user:password@ (use the authentication settings instead)");
        }
        HostAndPort target = HostAndPort.of(uri);
        if (target.problem() != null) {
            return Optional.of(target.problem());
        }
        if (target.port() == 0 || target.port() > 65535) {
            return Optional.of("has port " + target.port() + ": a port is 1 to 65535");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not contain a #fragment");
        }
        return Optional.empty();
    }

    /**
     * Parses a receiver URL; a host that only an IPv4 parser reads ({@code 0xa9.0xfe.0xa9.0xfe})
     * comes back in dotted decimal ({@code 169.254.169.254}).
     *
     * @throws IllegalArgumentException {@code URL <masked> <problem>} when {@link #problem} finds one
     */
    public static URI parse(String url) {
        Optional<String> problem = problem(url);
        if (problem.isPresent()) {
            throw new IllegalArgumentException("URL " + maskLoosely(url) + " " + problem.get());
        }
        URI uri = URI.create(url.trim());
        return uri.getHost() != null ? uri : HostAndPort.of(uri).rewrite(uri);
    }

    /** {@code scheme://host[:port]/…} of {@code url}; {@link #INVALID} when it has no scheme or host. */
    public static String mask(String url) {
        try {
            URI uri = new URI(url.trim());
            if (uri.getScheme() == null) {
                return INVALID;
            }
            if (uri.getHost() == null) {
                HostAndPort target = HostAndPort.of(uri);
                if (target.problem() != null) {
                    return INVALID;
                }
                uri = target.rewrite(uri);
            }
            return mask(uri);
        } catch (URISyntaxException | IllegalArgumentException e) {
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
            // no scheme (127.0.0.1:8781/hook): what comes before the first / is still the host
            String trimmed = text.trim();
            int end = firstOf(trimmed, "/?#");
            String host = trimmed.substring(trimmed.lastIndexOf('@', end < 0 ? trimmed.length() - 1 : end) + 1,
                    end < 0 ? trimmed.length() : end);
            return host.isEmpty() || host.length() > 255 ? "(" + text.length() + " characters, not shown)"
                    : host + (end < 0 ? "" : "/…");
        }
        String rest = text.substring(schemeEnd + 3);
        int at = rest.indexOf('@');
        int slash = rest.indexOf('/');
        String host = rest.substring(at >= 0 && (slash < 0 || at < slash) ? at + 1 : 0, slash < 0 ? rest.length() : slash);
        return text.substring(0, schemeEnd + 3) + host + (slash < 0 ? "" : "/…");
    }

    private static int firstOf(String text, String chars) {
        for (int i = 0; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
