package io.jenkins.plugins.dockerbuildwebhooks.delivery;

import java.net.InetAddress;

/** An address range {@code address/prefix}; a bare address is a range of one. */
record Cidr(byte[] network, int prefix, String text) {

    static Cidr parse(String text) {
        int slash = text.indexOf('/');
        String addressPart = slash < 0 ? text : text.substring(0, slash);
        InetAddress address = IpLiterals.parse(addressPart)
                .orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not an address or CIDR range"));
        byte[] bytes = address.getAddress();
        int max = bytes.length * 8;
        int prefix = max;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > max) {
                throw new IllegalArgumentException("'" + text + "': the prefix length must be 0 to " + max);
            }
        }
        return new Cidr(bytes, prefix, text);
    }

    boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        for (int bit = 0; bit < prefix; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }
}
