package io.jenkins.plugins.dockerbuildwebhooks.config;

import hudson.util.FormValidation;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.AddressPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks the allow list of the network policy with core's rules: each entry must be a CIDR range,
 * an address or a host name, and an entry that can never open anything (link-local or metadata in
 * any spelling, as {@link AddressPolicy#neverAllowed(String)} decides) is a warning.
 */
public final class NetworkPolicyValidation {
    private NetworkPolicyValidation() {}

    public static FormValidation allowList(String value) {
        List<String> useless = new ArrayList<>();
        for (String entry : (value == null ? "" : value).split("[,\\s]+")) {
            if (entry.isEmpty()) {
                continue;
            }
            try {
                Optional<String> why = AddressPolicy.neverAllowed(entry);
                why.ifPresent(useless::add);
            } catch (IllegalArgumentException e) {
                return FormValidation.error(e.getMessage());
            }
        }
        return useless.isEmpty() ? FormValidation.ok() : FormValidation.warning(String.join(". ", useless) + ".");
    }
}
