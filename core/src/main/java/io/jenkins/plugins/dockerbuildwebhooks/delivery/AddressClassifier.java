package io.jenkins.plugins.dockerbuildwebhooks.delivery;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Classifies addresses, looking through every IPv6 form that embeds an IPv4 address
 * (IPv4-mapped, IPv4-compatible, NAT64, 6to4, Teredo) so an encoded metadata address is still a
 * metadata address.
 */
final class AddressClassifier {
    private AddressClassifier() {}

    /** The most restrictive rule among the address and the IPv4 addresses it embeds. */
    static AddressRule classify(InetAddress address) {
        AddressRule worst = AddressRule.PUBLIC;
        for (byte[] candidate : withEmbedded(address.getAddress())) {
            AddressRule rule = candidate.length == 4 ? ipv4(candidate) : ipv6(candidate);
            worst = stricter(worst, rule);
        }
        return worst;
    }

    /** The address's bytes followed by every IPv4 address embedded in it. */
    static List<byte[]> withEmbedded(byte[] a) {
        List<byte[]> out = new ArrayList<>();
        out.add(a);
        if (a.length != 16) {
            return out;
        }
        if (allZero(a, 0, 10) && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff) {
            out.add(slice(a, 12)); // ::ffff:a.b.c.d, IPv4-mapped
        } else if (allZero(a, 0, 12) && !(allZero(a, 12, 15) && (a[15] == 0 || a[15] == 1))) {
            out.add(slice(a, 12)); // ::a.b.c.d, deprecated IPv4-compatible
        }
        if (a[0] == 0 && a[1] == 0x64 && (a[2] & 0xff) == 0xff && (a[3] & 0xff) == 0x9b) {
            out.add(slice(a, 12)); // 64:ff9b::/96 and 64:ff9b:1::/48, NAT64
        }
        if (a[0] == 0x20 && a[1] == 0x02) {
            out.add(slice(a, 2)); // 2002::/16, 6to4
        }
        if (a[0] == 0x20 && a[1] == 0x01 && a[2] == 0 && a[3] == 0) {
            out.add(slice(a, 4)); // Teredo server
            byte[] client = slice(a, 12);
            for (int i = 0; i < 4; i++) {
                client[i] = (byte) ~client[i]; // Teredo client address is stored inverted
            }
            out.add(client);
        }
        return out;
    }

    static AddressRule ipv4(byte[] a) {
        int b0 = a[0] & 0xff;
        int b1 = a[1] & 0xff;
        int b2 = a[2] & 0xff;
        int b3 = a[3] & 0xff;
        if (b0 == 169 && b1 == 254) {
            return b2 == 169 && b3 == 254 || b2 == 170 && b3 == 2 ? AddressRule.METADATA : AddressRule.LINK_LOCAL;
        }
        if (b0 == 100 && b1 == 100 && b2 == 100 && b3 == 200) {
            return AddressRule.METADATA;
        }
        if (b0 == 0) {
            return AddressRule.UNSPECIFIED;
        }
        if (b0 >= 224 && b0 <= 239) {
            return AddressRule.MULTICAST;
        }
        if (b0 >= 240) {
            return AddressRule.RESERVED;
        }
        if (b0 == 127) {
            return AddressRule.LOOPBACK;
        }
        if (b0 == 10 || b0 == 172 && (b1 & 0xf0) == 16 || b0 == 192 && b1 == 168) {
            return AddressRule.PRIVATE;
        }
        if (b0 == 100 && (b1 & 0xc0) == 64) {
            return AddressRule.CGNAT;
        }
        return AddressRule.PUBLIC;
    }

    static AddressRule ipv6(byte[] a) {
        int b0 = a[0] & 0xff;
        int b1 = a[1] & 0xff;
        if (allZero(a, 0, 16)) {
            return AddressRule.UNSPECIFIED;
        }
        if (allZero(a, 0, 15) && a[15] == 1) {
            return AddressRule.LOOPBACK;
        }
        if (b0 == 0xfe && (b1 & 0xc0) == 0x80) {
            return AddressRule.LINK_LOCAL;
        }
        if (b0 == 0xfd && b1 == 0x00 && (a[2] & 0xff) == 0x0e && (a[3] & 0xff) == 0xc2
                && allZero(a, 4, 14) && (a[14] & 0xff) == 0x02 && (a[15] & 0xff) == 0x54) {
            return AddressRule.METADATA; // fd00:ec2::254
        }
        if (b0 == 0xfe && (b1 & 0xc0) == 0xc0) {
            return AddressRule.PRIVATE; // fec0::/10, deprecated site-local
        }
        if ((b0 & 0xfe) == 0xfc) {
            return AddressRule.UNIQUE_LOCAL;
        }
        if (b0 == 0xff) {
            return AddressRule.MULTICAST;
        }
        return AddressRule.PUBLIC;
    }

    private static AddressRule stricter(AddressRule a, AddressRule b) {
        int ra = a.alwaysBlocked() ? 2 : a.blockable() ? 1 : 0;
        int rb = b.alwaysBlocked() ? 2 : b.blockable() ? 1 : 0;
        return rb > ra ? b : a;
    }

    private static boolean allZero(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] slice(byte[] a, int from) {
        byte[] out = new byte[4];
        System.arraycopy(a, from, out, 0, 4);
        return out;
    }
}
