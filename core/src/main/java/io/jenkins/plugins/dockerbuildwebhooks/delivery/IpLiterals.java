package io.jenkins.plugins.dockerbuildwebhooks.delivery;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises IP address literals in every spelling a resolver might accept, so none slips past the
 * address policy as a "host name": dotted IPv4 with 1 to 4 parts, each decimal, {@code 0x} hex or
 * {@code 0}-prefixed octal ({@code 2130706433}, {@code 0x7f.1}, {@code 0177.0.0.1}, {@code 127.1}),
 * an optional trailing dot, and IPv6 with or without brackets (zone IDs are refused).
 */
final class IpLiterals {
    private static final Pattern NUMERIC_PART = Pattern.compile("0[xX][0-9a-fA-F]*|[0-9]+");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]+");

    private IpLiterals() {}

    /**
     * The address {@code host} spells, or empty when it is a name. A host that looks numeric but
     * is not a valid address (an octal 8, a part too large) is refused, since some resolvers would
     * still turn it into an address.
     */
    static Optional<InetAddress> parse(String host) {
        String h = host;
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.indexOf(':') >= 0) {
            return Optional.of(ipv6(host, h));
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        String[] parts = h.split("\\.", -1);
        if (parts.length > 4) {
            return Optional.empty();
        }
        for (String part : parts) {
            if (!NUMERIC_PART.matcher(part).matches()) {
                return Optional.empty();
            }
        }
        return Optional.of(ipv4(host, parts));
    }

    private static InetAddress ipv6(String original, String h) {
        if (!IPV6.matcher(h).matches()) {
            throw new IllegalArgumentException("invalid IPv6 address '" + original + "' (zone IDs are not allowed)");
        }
        try {
            // a literal with ':' is parsed, never looked up
            return InetAddress.getByName(h);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("invalid IPv6 address '" + original + "'");
        }
    }

    private static InetAddress ipv4(String original, String[] parts) {
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = number(original, parts[i]);
        }
        long address = 0;
        for (int i = 0; i < parts.length - 1; i++) {
            if (values[i] > 255) {
                throw invalid(original, "part " + (i + 1) + " is larger than 255");
            }
            address |= values[i] << (8 * (3 - i));
        }
        long last = values[parts.length - 1];
        long lastMax = (1L << (8 * (5 - parts.length))) - 1;
        if (last > lastMax) {
            throw invalid(original, "the last part is larger than " + lastMax);
        }
        address |= last;
        byte[] bytes = {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long number(String original, String part) {
        String digits;
        int radix;
        if (part.startsWith("0x") || part.startsWith("0X")) {
            digits = part.substring(2);
            radix = 16;
        } else if (part.length() > 1 && part.startsWith("0")) {
            digits = part.substring(1);
            radix = 8;
        } else {
            digits = part;
            radix = 10;
        }
        if (digits.isEmpty()) {
            return 0;
        }
        // strip leading zeros so long runs of them cannot overflow the length check
        String significant = digits.replaceFirst("^0+(?=.)", "");
        if (significant.length() > 11) {
            throw invalid(original, "a part is too large");
        }
        try {
            return Long.parseLong(significant, radix);
        } catch (NumberFormatException e) {
            throw invalid(original, "'" + part + "' is not a valid " + (radix == 8 ? "octal" : "decimal") + " number");
        }
    }

    private static IllegalArgumentException invalid(String original, String why) {
        return new IllegalArgumentException("invalid IPv4 address '" + original + "': " + why);
    }
}
