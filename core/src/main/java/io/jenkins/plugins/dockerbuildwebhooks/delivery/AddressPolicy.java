package io.jenkins.plugins.dockerbuildwebhooks.delivery;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which addresses deliveries may connect to (the SSRF guard). Link-local, cloud metadata,
 * unspecified, multicast and reserved addresses are always refused, in every spelling
 * (see {@link AddressClassifier}). Loopback, RFC 1918, CGNAT and ULA addresses are refused only
 * when {@link Builder#blockPrivate(boolean)} is set, and then an allow list of ranges or host names
 * reopens exactly those. The policy is applied inside the DNS resolver ({@link GuardedDnsResolver}),
 * so the addresses checked are the ones connected to.
 */
public final class AddressPolicy {
    private static final Set<String> METADATA_NAMES =
            Set.of("metadata.google.internal", "metadata.azure.internal", "metadata.oci.oraclecloud.com");

    private final boolean blockPrivate;
    private final List<Cidr> allowedRanges;
    private final Set<String> allowedHosts;

    private AddressPolicy(Builder b) {
        this.blockPrivate = b.blockPrivate;
        this.allowedRanges = List.copyOf(b.ranges);
        this.allowedHosts = Set.copyOf(b.hosts);
    }

    /** The default: private targets allowed, always-blocked ones refused. */
    public static AddressPolicy defaultPolicy() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean blocksPrivate() {
        return blockPrivate;
    }

    /** Refuses metadata host names before any lookup; returns the name normalised. */
    String checkName(String host) throws BlockedAddressException {
        String name = normalise(host);
        if (METADATA_NAMES.contains(name)) {
            throw new BlockedAddressException(host, null, AddressRule.METADATA);
        }
        return name;
    }

    /** The reason {@code address} (reached through {@code host}) is refused, or empty if it is allowed. */
    public Optional<AddressRule> refusal(String host, InetAddress address) {
        AddressRule rule = AddressClassifier.classify(address);
        if (rule.alwaysBlocked()) {
            return Optional.of(rule);
        }
        if (rule.blockable() && blockPrivate && !allowed(host, address)) {
            return Optional.of(rule);
        }
        return Optional.empty();
    }

    /** Checks every address {@code host} resolved to; one refused address refuses the host. */
    void check(String host, List<InetAddress> addresses) throws BlockedAddressException {
        for (InetAddress address : addresses) {
            Optional<AddressRule> refusal = refusal(host, address);
            if (refusal.isPresent()) {
                throw new BlockedAddressException(host, address, refusal.get());
            }
        }
    }

    private boolean allowed(String host, InetAddress address) {
        if (host != null && allowedHosts.contains(normalise(host))) {
            return true;
        }
        for (byte[] candidate : AddressClassifier.withEmbedded(address.getAddress())) {
            for (Cidr range : allowedRanges) {
                if (range.contains(candidate)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String normalise(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    @Override
    public String toString() {
        List<String> allow = new ArrayList<>(allowedHosts);
        allowedRanges.forEach(r -> allow.add(r.text()));
        return "AddressPolicy[blockPrivate=" + blockPrivate + ", allow=" + allow + "]";
    }

    /** Builds an {@link AddressPolicy}. */
    public static final class Builder {
        private boolean blockPrivate;
        private final List<Cidr> ranges = new ArrayList<>();
        private final Set<String> hosts = new LinkedHashSet<>();

        /** Refuse loopback, RFC 1918, CGNAT and ULA targets unless allow-listed. */
        public Builder blockPrivate(boolean block) {
            this.blockPrivate = block;
            return this;
        }

        /**
         * Allows a CIDR range, an address, or a host name (all addresses it resolves to). Allowing
         * never opens link-local or metadata addresses.
         */
        public Builder allow(String entry) {
            String e = entry.trim();
            if (e.isEmpty()) {
                throw new IllegalArgumentException("an allow-list entry must not be empty");
            }
            boolean looksNumeric = e.indexOf('/') >= 0 || e.indexOf(':') >= 0 || IpLiterals.parse(e).isPresent();
            if (looksNumeric) {
                ranges.add(Cidr.parse(e));
            } else if (e.matches("[A-Za-z0-9.-]+")) {
                hosts.add(normalise(e));
            } else {
                throw new IllegalArgumentException("allow-list entry '" + entry + "' is neither a CIDR range, an address nor a host name");
            }
            return this;
        }

        public AddressPolicy build() {
            return new AddressPolicy(this);
        }
    }
}
