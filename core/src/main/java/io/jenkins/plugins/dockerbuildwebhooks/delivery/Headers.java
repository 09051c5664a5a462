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

    static final String CONTENT_TYPE = "content-type";

    private Headers() {}

    /** An endpoint's extra header: any name but those the sender sets. */
    static void checkCustom(String name, String value) {
        checkName(name);
        if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("header " + name + " is set by the sender and cannot be given"
                    + (name.equalsIgnoreCase("authorization") ? " (use bearer or basic authentication)" : ""));
        }
        checkValue(name, value);
    }

    /**
     * A message's own header: the format that wrote the body also names its {@code Content-Type}
     * (and, for CloudEvents, the {@code ce-*} attributes); the sender's other headers stay its own.
     */
    static void checkMessage(String name, String value) {
        if (CONTENT_TYPE.equalsIgnoreCase(name)) {
            checkName(name);
            checkValue(name, value);
        } else {
            checkCustom(name, value);
        }
    }

    /** A name for the {@code sha256=<hex>} signature header: a token the sender does not set otherwise. */
    static void checkSignatureName(String name) {
        checkName(name);
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.equals("x-hub-signature-256") && RESERVED.contains(lower) || lower.startsWith("ce-")) {
            throw new IllegalArgumentException("header " + name + " cannot carry the signature: the sender or the "
                    + "CloudEvents binding uses it");
        }
    }

    private static void checkName(String name) {
        if (name.isEmpty() || !name.chars().allMatch(Headers::isTokenChar)) {
            throw new IllegalArgumentException("invalid header name '" + name + "'");
        }
    }

    private static void checkValue(String name, String value) {
        if (value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
            throw new IllegalArgumentException("header " + name + ": the value must not contain line breaks");
        }
    }

    private static boolean isTokenChar(int c) {
        return c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
    }
}
