package io.jenkins.plugins.dockerbuildwebhooks.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Every spelling of an IPv4 address parses to that address, so none can hide a blocked one. */
class IpLiteralsPropertiesTest {

    @Property(tries = 500)
    void shouldParseEveryEncodingToTheSameAddress(@ForAll int value, @ForAll boolean hex, @ForAll boolean octal)
            throws Exception {
        long v = Integer.toUnsignedLong(value);
        int a = (int) (v >>> 24);
        int b = (int) (v >>> 16) & 0xff;
        int c = (int) (v >>> 8) & 0xff;
        int d = (int) v & 0xff;
        InetAddress expected = InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});

        assertThat(IpLiterals.parse(Long.toString(v))).contains(expected);
        assertThat(IpLiterals.parse("0x" + Long.toHexString(v))).contains(expected);
        assertThat(IpLiterals.parse("0" + Long.toOctalString(v))).contains(expected);
        assertThat(IpLiterals.parse(part(a, hex, octal) + "." + part(b, octal, hex) + "." + part(c, hex, hex) + "."
                + part(d, octal, octal))).contains(expected);
        assertThat(IpLiterals.parse(part(a, hex, octal) + "." + (v & 0xffffff))).contains(expected);
        assertThat(IpLiterals.parse(a + "." + b + "." + part((int) (v & 0xffff), hex, octal))).contains(expected);
    }

    @Property(tries = 300)
    void shouldClassifyEmbeddedIpv4LikeTheAddressItself(@ForAll int value) throws Exception {
        byte[] v4 = {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
        AddressRule direct = AddressClassifier.ipv4(v4);
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(v4, 0, mapped, 12, 4);
        byte[] nat64 = new byte[16];
        nat64[1] = 0x64;
        nat64[2] = (byte) 0xff;
        nat64[3] = (byte) 0x9b;
        System.arraycopy(v4, 0, nat64, 12, 4);
        byte[] sixToFour = new byte[16];
        sixToFour[0] = 0x20;
        sixToFour[1] = 0x02;
        System.arraycopy(v4, 0, sixToFour, 2, 4);

        if (direct.alwaysBlocked() || direct.blockable()) {
            assertThat(AddressClassifier.classify(InetAddress.getByAddress(nat64))).isEqualTo(direct);
            assertThat(AddressClassifier.classify(InetAddress.getByAddress(sixToFour))).isEqualTo(direct);
            assertThat(AddressClassifier.classify(InetAddress.getByAddress(mapped))).isEqualTo(direct);
        }
    }

    private static String part(int n, boolean hex, boolean octal) {
        if (hex) {
            return "0x" + Integer.toHexString(n);
        }
        return octal ? "0" + Integer.toOctalString(n) : Integer.toString(n);
    }
}
