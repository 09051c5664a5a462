package io.jenkins.plugins.dockerbuildwebhooks.deliveries;

import io.jenkins.plugins.dockerbuildwebhooks.delivery.WebhookUrls;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What may be shown of a payload: its {@code callback_url} masked with core's
 * {@link WebhookUrls#mask(String)}, since it carries a per-delivery token.
 */
public final class Masking {
    private static final Pattern CALLBACK_URL = Pattern.compile("(\"callback_url\"\\s*:\\s*\")([^\"]*)(\")");

    private Masking() {}

    /** The payload JSON with its {@code callback_url} (which carries a per-delivery token) masked. */
    public static String payload(String json) {
        Matcher m = CALLBACK_URL.matcher(json);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = m.group(2);
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + (value.isEmpty() ? "" : WebhookUrls.mask(value)) + m.group(3)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
