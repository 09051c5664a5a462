package io.jenkins.plugins.dockerbuildwebhooks.config;

import hudson.util.FormValidation;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.AddressPolicy;
import java.util.Locale;

/** Checks the allow list of the network policy with core's parser: CIDR ranges, addresses or host names. */
public final class NetworkPolicyValidation {
    private NetworkPolicyValidation() {}

    public static FormValidation allowList(String value) {
        AddressPolicy.Builder policy = AddressPolicy.builder();
        for (String entry : (value == null ? "" : value).split("[,\\s]+")) {
            if (entry.isEmpty()) {
                continue;
            }
            try {
                policy.allow(entry);
            } catch (IllegalArgumentException e) {
                return FormValidation.error(e.getMessage());
            }
            String lower = entry.toLowerCase(Locale.ROOT);
            if (lower.startsWith("169.254.") || lower.startsWith("fe80:")) {
                return FormValidation.warning("\"" + entry + "\" is link-local: cloud metadata and link-local "
                        + "addresses stay blocked whatever this list says.");
            }
        }
        return FormValidation.ok();
    }
}
