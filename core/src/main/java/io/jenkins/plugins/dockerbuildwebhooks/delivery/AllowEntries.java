package io.jenkins.plugins.dockerbuildwebhooks.delivery;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads allow-list entries (a CIDR range, an address in any spelling {@link IpLiterals} knows, or
 * a host name) and tells which of them can never open anything because every address they cover
 * is always blocked, in any spelling: {@code 169.254.169.254/32}, {@code 0xA9FEA9FE},
 * {@code ::ffff:169.254.169.254}, {@code fe80::/10}, {@code 2002:a9fe:a9fe::/48}.
 */
final class AllowEntries {
    static final Set<String> METADATA_NAMES =
            Set.of("metadata.google.internal", "metadata.azure.internal", "metadata.oci.oraclecloud.com");

    /** Always-blocked ranges, most specific first; a range inside one of them can never be opened. */
    private static final List<Blocked> ALWAYS_BLOCKED = List.of(
            blocked("169.254.169.254/32", AddressRule.METADATA),
            blocked("169.254.170.2/32", AddressRule.METADATA),
            blocked("169.254.0.0/16", AddressRule.LINK_LOCAL),
            blocked("100.100.100.200/32", AddressRule.METADATA),
            blocked("0.0.0.0/8", AddressRule.UNSPECIFIED),
            blocked("224.0.0.0/4", AddressRule.MULTICAST),
            blocked("240.0.0.0/4", AddressRule.RESERVED),
            blocked("fe80::/10", AddressRule.LINK_LOCAL),
            blocked("fd00:ec2::254/128", AddressRule.METADATA),
            blocked("::/128", AddressRule.UNSPECIFIED),
            blocked("ff00::/8", AddressRule.MULTICAST));

    /**
     * IPv6 prefixes that embed an IPv4 address at a byte offset, as {@link AddressClassifier}
     * unwraps them: IPv4-mapped, IPv4-compatible, NAT64, 6to4, Teredo server and (inverted) client.
     */
    private static final List<Embedding> EMBEDDINGS = List.of(
            new Embedding(mappedPrefix(), 12, false),
            new Embedding(Cidr.parse("::/96"), 12, false),
            new Embedding(Cidr.parse("64:ff9b::/32"), 12, false),
            new Embedding(Cidr.parse("2002::/16"), 2, false),
            new Embedding(Cidr.parse("2001::/32"), 4, false),
            new Embedding(Cidr.parse("2001::/32"), 12, true));

    private record Blocked(Cidr range, AddressRule rule) {}

    private record Embedding(Cidr prefix, int offset, boolean inverted) {}

    private AllowEntries() {}

    /** {@code ::ffff:0:0/96}, built by hand: parsing it would give an IPv4 address (Java unwraps mapped ones). */
    private static Cidr mappedPrefix() {
        byte[] network = new byte[16];
        network[10] = (byte) 0xff;
        network[11] = (byte) 0xff;
        return new Cidr(network, 96, "::ffff:0:0/96");
    }

    private static Blocked blocked(String cidr, AddressRule rule) {
        return new Blocked(Cidr.parse(cidr), rule);
    }

    /** A range, or a host name (lower case, no trailing dot); throws naming a malformed entry. */
    static Object parse(String entry) {
        String e = entry.trim();
        if (e.isEmpty()) {
            throw new IllegalArgumentException("an allow-list entry must not be empty");
        }
        boolean looksNumeric = e.indexOf('/') >= 0 || e.indexOf(':') >= 0 || IpLiterals.parse(e).isPresent();
        if (looksNumeric) {
            return Cidr.parse(e);
        }
        if (e.matches("[A-Za-z0-9.-]+")) {
            return normaliseName(e);
        }
        throw new IllegalArgumentException("allow-list entry '" + entry + "' is neither a CIDR range, an address nor a host name");
    }

    static String normaliseName(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    /** Why {@code entry} can never open anything, or empty when it can. */
    static Optional<String> neverAllowed(String entry) {
        Object parsed = parse(entry);
        String quoted = "\"" + entry.trim() + "\"";
        if (parsed instanceof String name) {
            return METADATA_NAMES.contains(name) ? Optional.of(quoted + " is a " + AddressRule.METADATA.description()
                    + " host name" + STAYS_BLOCKED) : Optional.empty();
        }
        Cidr range = (Cidr) parsed;
        if (range.prefix() == range.network().length * 8) {
            InetAddress address = address(range.network());
            AddressRule rule = AddressClassifier.classify(address);
            if (!rule.alwaysBlocked()) {
                return Optional.empty();
            }
            // an encoded IPv4 spelling (0xA9FEA9FE, ::ffff:169.254.169.254) is named in plain form
            String canonical = address.getHostAddress();
            String spelled = range.text().trim().replaceAll("/\\d+$", "");
            boolean showPlain = range.network().length == 4 && !spelled.equals(canonical);
            return Optional.of(quoted + " is " + (showPlain ? canonical + ", " : "") + article(rule) + " "
                    + rule.description() + " address" + STAYS_BLOCKED);
        }
        return insideBlocked(range).map(rule -> quoted + " lies entirely in " + rule.description() + " addresses"
                + STAYS_BLOCKED);
    }

    private static final String STAYS_BLOCKED =
            ": link-local, cloud metadata, unspecified, multicast and reserved addresses stay blocked whatever the allow list says";

    /** The always-blocked rule covering all of {@code range}, directly or through an IPv4 embedding. */
    private static Optional<AddressRule> insideBlocked(Cidr range) {
        for (Blocked b : ALWAYS_BLOCKED) {
            if (within(range.network(), range.prefix(), b.range())) {
                return Optional.of(b.rule());
            }
        }
        if (range.network().length == 16) {
            for (Embedding e : EMBEDDINGS) {
                if (!within(range.network(), range.prefix(), e.prefix())) {
                    continue;
                }
                byte[] v4 = new byte[4];
                System.arraycopy(range.network(), e.offset(), v4, 0, 4);
                if (e.inverted()) {
                    for (int i = 0; i < 4; i++) {
                        v4[i] = (byte) ~v4[i];
                    }
                }
                int v4Prefix = Math.max(0, Math.min(32, range.prefix() - e.offset() * 8));
                for (Blocked b : ALWAYS_BLOCKED) {
                    if (within(v4, v4Prefix, b.range())) {
                        return Optional.of(b.rule());
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Whether the range {@code network/prefix} lies inside {@code outer}. */
    private static boolean within(byte[] network, int prefix, Cidr outer) {
        return network.length == outer.network().length && prefix >= outer.prefix() && outer.contains(network);
    }

    private static InetAddress address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String article(AddressRule rule) {
        return "aeiou".indexOf(rule.description().charAt(0)) >= 0 ? "an" : "a";
    }
}
