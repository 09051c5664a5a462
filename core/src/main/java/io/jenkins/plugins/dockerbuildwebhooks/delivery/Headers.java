package io.jenkins.plugins.dockerbuildwebhooks.delivery;

import java.util.Locale;
import java.util.Set;

/** Header names the sender sets itself, and the rules custom headers must follow. */
final class Headers {
    static final String WEBHOOK_ID = "webhook-id";
    static final String WEBHOOK_TIMESTAMP = "webhook-timestamp";
    static final String WEBHOOK_SIGNATURE = "webhook-signature";

    private static final Set<String> RESERVED = Set.of(
            WEBHOOK_ID, WEBHOOK_TIMESTAMP, WEBHOOK_SIGNATURE, "x-hub-signature-256", "content-type",
            "content-length", "host", "transfer-encoding", "connection", "authorization", "user-agent");

    private Headers() {}

    static void checkCustom(String name, String value) {
        if (name.isEmpty() || !name.chars().allMatch(Headers::isTokenChar)) {
            throw new IllegalArgumentException("invalid header name '" + name + "'");
        }
        if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("header " + name + " is set by the sender and cannot be given"
                    + (name.equalsIgnoreCase("authorization") ? " (use bearer or basic authentication)" : ""));
        }
        if (value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
            throw new IllegalArgumentException("header " + name + ": the value must not contain line breaks");
        }
    }

    private static boolean isTokenChar(int c) {
        return c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
    }
}
