package io.jenkins.plugins.dockerbuildwebhooks.callback;

import java.util.Locale;

/** Builds the {@code callback_url} a payload carries: {@code <root URL>/docker-build-webhooks/callback/<token>}. */
public final class CallbackUrls {
    /** The path below the root URL, without leading or trailing slash. */
    public static final String PATH = "docker-build-webhooks/callback";

    private CallbackUrls() {}

    /**
     * @param rootUrl an absolute http(s) URL, with or without trailing slash (e.g. Jenkins' root URL)
     * @param token a token from {@link CallbackTokens#issue(String)} (URL-safe by construction)
     * @throws IllegalArgumentException if the root URL is not http(s)
     */
    public static String of(String rootUrl, String token) {
        String lower = rootUrl.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            throw new IllegalArgumentException("root URL: must start with http:// or https:// but is \"" + rootUrl + "\"");
        }
        String base = rootUrl.endsWith("/") ? rootUrl : rootUrl + "/";
        return base + PATH + "/" + token;
    }
}
