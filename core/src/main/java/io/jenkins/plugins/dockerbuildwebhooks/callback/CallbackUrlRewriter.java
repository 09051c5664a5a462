package io.jenkins.plugins.dockerbuildwebhooks.callback;

import io.jenkins.plugins.dockerbuildwebhooks.json.JsonObject;
import io.jenkins.plugins.dockerbuildwebhooks.json.JsonReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * Gives a redelivered payload its own callback URL: the token names the delivery, so a redelivery
 * (new id) needs a new one, or its receiver's report would land on the original delivery. Only the
 * {@code callback_url} value changes; every other byte stays as first sent.
 */
public final class CallbackUrlRewriter {
    private CallbackUrlRewriter() {}

    /**
     * @param newUrl the callback URL for the new delivery, given the old one
     * @return the body with the callback URL replaced, or the same bytes when it holds none of ours
     */
    public static byte[] rewrite(byte[] body, Function<String, String> newUrl) {
        JsonObject json = JsonReader.parseObject(body, "journalled payload");
        String old = json.optString("callback_url").orElse("");
        if (!old.contains("/" + CallbackUrls.PATH + "/")) {
            return body; // no callback asked for, or someone else's URL: leave the payload alone
        }
        String text = new String(body, StandardCharsets.UTF_8);
        // Callback URLs are plain ASCII without characters JSON escapes, so the value appears verbatim.
        String quoted = "\"" + old + "\"";
        int at = text.indexOf(quoted);
        if (at < 0) {
            return body;
        }
        String replaced = text.substring(0, at) + "\"" + newUrl.apply(old) + "\"" + text.substring(at + quoted.length());
        return replaced.getBytes(StandardCharsets.UTF_8);
    }
}
