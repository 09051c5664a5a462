package io.jenkins.plugins.dockerbuildwebhooks.delivery;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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
        if (AllowEntries.METADATA_NAMES.contains(name)) {
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
        return AllowEntries.normaliseName(host);
    }

    /**
     * Why the allow-list entry {@code entry} can never open anything, or empty when it can: every
     * address it covers is link-local, cloud metadata, unspecified, multicast or reserved, in
     * whatever spelling it is written ({@code 169.254.169.254/32}, {@code 0xA9FEA9FE},
     * {@code ::ffff:169.254.169.254}, {@code fe80::/10}, a metadata host name). An entry that
     * merely includes such addresses ({@code 0.0.0.0/0}) opens the rest and is not reported.
     *
     * @throws IllegalArgumentException naming the entry when it is not a CIDR range, an address or
     *     a host name, exactly as {@link Builder#allow(String)} would
     */
    public static Optional<String> neverAllowed(String entry) {
        return AllowEntries.neverAllowed(entry);
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
            Object parsed = AllowEntries.parse(entry);
            if (parsed instanceof Cidr range) {
                ranges.add(range);
            } else {
                hosts.add((String) parsed);
            }
            return this;
        }

        public AddressPolicy build() {
            return new AddressPolicy(this);
        }
    }
}
