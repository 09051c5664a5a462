package io.jenkins.plugins.dockerbuildwebhooks.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AddressPolicyTest {

    @ParameterizedTest
    @CsvSource({
        "2130706433, 127.0.0.1",
        "0x7f000001, 127.0.0.1",
        "0177.0.0.1, 127.0.0.1",
        "0x7f.1, 127.0.0.1",
        "127.1, 127.0.0.1",
        "127.0.1, 127.0.0.1",
        "169.254.169.254., 169.254.169.254",
        "0xA9.0xFE.0xA9.0xFE, 169.254.169.254",
        "2852039166, 169.254.169.254",
        "0251.0376.0251.0376, 169.254.169.254",
        "10.0.0.1, 10.0.0.1",
    })
    void shouldParseEveryIpv4Spelling(String text, String expected) throws Exception {
        assertThat(IpLiterals.parse(text)).contains(InetAddress.getByName(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "cafe", "deadbeef.cafe", "1.example", "localhost", "a1.b2"})
    void shouldTreatNamesAsNames(String text) {
        assertThat(IpLiterals.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"08.0.0.1", "256.0.0.1", "1.2.3.256", "4294967296", "1.2.65536", "099"})
    void shouldRefuseNumericHostsThatAreNotAddresses(String text) {
        assertThatThrownBy(() -> IpLiterals.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(text);
    }

    @ParameterizedTest
    @CsvSource({
        "169.254.169.254, METADATA",
        "169.254.170.2, METADATA",
        "100.100.100.200, METADATA",
        "169.254.1.1, LINK_LOCAL",
        "[fe80::1], LINK_LOCAL",
        "[fd00:ec2::254], METADATA",
        "[::ffff:169.254.169.254], METADATA",
        "[::ffff:a9fe:a9fe], METADATA",
        "[64:ff9b::a9fe:a9fe], METADATA",
        "[64:ff9b:1::a9fe:a9fe], METADATA",
        "[2002:a9fe:a9fe::1], METADATA",
        "[2001:0:4136:e378:8000:63bf:5601:5601], METADATA",
        "[::169.254.169.254], METADATA",
        "0.0.0.0, UNSPECIFIED",
        "[::], UNSPECIFIED",
        "224.0.0.1, MULTICAST",
        "[ff02::1], MULTICAST",
        "255.255.255.255, RESERVED",
        "127.0.0.1, LOOPBACK",
        "[::1], LOOPBACK",
        "[::ffff:127.0.0.1], LOOPBACK",
        "10.1.2.3, PRIVATE",
        "172.16.0.1, PRIVATE",
        "172.31.255.255, PRIVATE",
        "192.168.1.1, PRIVATE",
        "[2002:c0a8:0101::1], PRIVATE",
        "100.64.0.1, CGNAT",
        "100.127.255.255, CGNAT",
        "[fd12:3456::1], UNIQUE_LOCAL",
        "[fc00::1], UNIQUE_LOCAL",
        "8.8.8.8, PUBLIC",
        "172.32.0.1, PUBLIC",
        "100.128.0.1, PUBLIC",
        "[2606:4700::1111], PUBLIC",
        "[64:ff9b::808:808], PUBLIC",
    })
    void shouldClassifyAddressesThroughEveryEncoding(String literal, AddressRule expected) {
        InetAddress address = IpLiterals.parse(literal).orElseThrow();

        assertThat(AddressClassifier.classify(address)).isEqualTo(expected);
    }

    @Test
    void shouldAlwaysBlockMetadataEvenWhenAllowListed() throws Exception {
        AddressPolicy policy = AddressPolicy.builder().blockPrivate(true).allow("169.254.0.0/16").allow("0.0.0.0/0").build();

        assertThat(policy.refusal("x", InetAddress.getByName("169.254.169.254"))).contains(AddressRule.METADATA);
    }

    @Test
    void shouldAllowPrivateByDefaultAndBlockWhenAsked() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");

        assertThat(AddressPolicy.defaultPolicy().refusal("h", loopback)).isEmpty();
        assertThat(AddressPolicy.builder().blockPrivate(true).build().refusal("h", loopback)).contains(AddressRule.LOOPBACK);
    }

    @Test
    void shouldOpenOnlyAllowListedRanges() throws Exception {
        AddressPolicy policy = AddressPolicy.builder().blockPrivate(true).allow("10.0.0.5").allow("192.168.0.0/16").build();

        assertThat(policy.refusal("h", InetAddress.getByName("10.0.0.5"))).isEmpty();
        assertThat(policy.refusal("h", InetAddress.getByName("10.0.0.6"))).contains(AddressRule.PRIVATE);
        assertThat(policy.refusal("h", InetAddress.getByName("192.168.7.7"))).isEmpty();
        assertThat(policy.refusal("h", InetAddress.getByName("::ffff:10.0.0.5"))).isEmpty();
    }

    @Test
    void shouldOpenAllowListedHostNames() throws Exception {
        AddressPolicy policy = AddressPolicy.builder().blockPrivate(true).allow("Hooks.Internal").build();

        assertThat(policy.refusal("hooks.internal.", InetAddress.getByName("10.9.9.9"))).isEmpty();
        assertThat(policy.refusal("other.internal", InetAddress.getByName("10.9.9.9"))).isPresent();
    }

    @Test
    void shouldRefuseWholeHostWhenAnyAddressIsBlocked() throws Exception {
        GuardedDnsResolver resolver = new GuardedDnsResolver(
                host -> new InetAddress[] {InetAddress.getByName("8.8.8.8"), InetAddress.getByName("169.254.169.254")},
                AddressPolicy.defaultPolicy());

        assertThatThrownBy(() -> resolver.resolve("mixed.example", 80))
                .isInstanceOf(BlockedAddressException.class)
                .hasMessageContaining("mixed.example (169.254.169.254)")
                .hasMessageContaining("cloud metadata")
                .hasMessageContaining("never allowed");
    }

    @Test
    void shouldRefuseMetadataNamesWithoutLookingThemUp() {
        GuardedDnsResolver resolver = new GuardedDnsResolver(host -> {
            throw new AssertionError("looked up " + host);
        }, AddressPolicy.defaultPolicy());

        assertThatThrownBy(() -> resolver.resolve("Metadata.Google.Internal.")).isInstanceOf(BlockedAddressException.class);
    }

    @Test
    void shouldResolveLiteralsWithoutDns() throws Exception {
        GuardedDnsResolver resolver = new GuardedDnsResolver(host -> {
            throw new AssertionError("looked up " + host);
        }, AddressPolicy.defaultPolicy());

        assertThat(resolver.checked("0x7f.1")).isEqualTo(List.of(InetAddress.getByName("127.0.0.1")));
        assertThatThrownBy(() -> resolver.checked("0xa9fea9fe")).isInstanceOf(BlockedAddressException.class);
    }

    @Test
    void shouldRejectBadAllowEntries() {
        assertThatThrownBy(() -> AddressPolicy.builder().allow("10.0.0.0/33")).hasMessageContaining("10.0.0.0/33");
        assertThatThrownBy(() -> AddressPolicy.builder().allow("bad host!")).hasMessageContaining("bad host!");
    }
}
