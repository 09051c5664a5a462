package io.jenkins.plugins.dockerbuildwebhooks.delivery;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Thrown inside the resolver (as an {@link UnknownHostException}, which HttpClient expects there) when the address policy refuses a target, so the HTTP client never
 * opens a connection; the dispatcher turns it into a {@link Outcome#BLOCKED} result.
 */
public final class BlockedAddressException extends UnknownHostException {
    private static final long serialVersionUID = 1L;
    private final transient AddressRule rule;

    BlockedAddressException(String host, InetAddress address, AddressRule rule) {
        super(message(host, address, rule));
        this.rule = rule;
    }

    private static String message(String host, InetAddress address, AddressRule rule) {
        String target = address == null || host.equals(address.getHostAddress()) ? host
                : host + " (" + address.getHostAddress() + ")";
        String policy = rule.alwaysBlocked() ? "never allowed" : "blocked by the private-address policy (allow it with an allow-list entry)";
        return "address " + target + " is " + rule.description() + ": " + policy;
    }

    public AddressRule rule() {
        return rule;
    }
}
