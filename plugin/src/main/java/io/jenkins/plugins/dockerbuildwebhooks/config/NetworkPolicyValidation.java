package io.jenkins.plugins.dockerbuildwebhooks.config;

import hudson.util.FormValidation;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks the allow list of the network policy: CIDR ranges or host names. */
public final class NetworkPolicyValidation {
    private static final Pattern CIDR = Pattern.compile("[0-9A-Fa-f:.]+/\\d{1,3}");
    private static final Pattern ADDRESS = Pattern.compile("[0-9.]+|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*");
    private static final Pattern HOST = Pattern.compile("(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    private NetworkPolicyValidation() {}

    public static FormValidation allowList(String value) {
        for (String entry : (value == null ? "" : value).split("[,\\s]+")) {
            if (entry.isEmpty()) {
                continue;
            }
            if (!CIDR.matcher(entry).matches() && !ADDRESS.matcher(entry).matches() && !HOST.matcher(entry).matches()) {
                return FormValidation.error("\"" + entry + "\" is neither a CIDR range, an address nor a host name.");
            }
            if (entry.startsWith("169.254.") || entry.toLowerCase(Locale.ROOT).startsWith("fe80:")) {
                return FormValidation.warning("\"" + entry + "\" is link-local: cloud metadata and link-local "
                        + "addresses stay blocked whatever this list says.");
            }
        }
        return FormValidation.ok();
    }
}
