package io.jenkins.plugins.dockerbuildwebhooks.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AllowEntriesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "169.254.169.254/32          | is a cloud metadata address",
        "169.254.169.254             | is a cloud metadata address",
        "::ffff:169.254.169.254      | is 169.254.169.254, a cloud metadata address",
        "[::ffff:a9fe:a9fe]          | is 169.254.169.254, a cloud metadata address",
        "0xA9FEA9FE                  | is 169.254.169.254, a cloud metadata address",
        "2852039166                  | is 169.254.169.254, a cloud metadata address",
        "0251.0376.0251.0376/32      | is 169.254.169.254, a cloud metadata address",
        "100.100.100.200             | is a cloud metadata address",
        "fd00:ec2::254               | is a cloud metadata address",
        "64:ff9b::a9fe:a9fe          | is a cloud metadata address",
        "[2002:a9fe:a9fe::1]         | is a cloud metadata address",
        "169.254.1.7                 | is a link-local address",
        "[fe80::1]                   | is a link-local address",
        "169.254.0.0/16              | lies entirely in link-local addresses",
        "169.254.169.0/24            | lies entirely in link-local addresses",
        "fe80::/10                   | lies entirely in link-local addresses",
        "fe80::/64                   | lies entirely in link-local addresses",
        "2002:a9fe::/32              | lies entirely in link-local addresses",
        "2002:a9fe:a9fe::/48         | lies entirely in cloud metadata addresses",
        "64:ff9b::a9fe:0/112         | lies entirely in link-local addresses",
        "2001:0:4136:e378:8000:63bf:5601:0/112 | lies entirely in link-local addresses",
        "2001:0:0:0:0:0:5601:0/112   | lies entirely in unspecified addresses",
        "224.0.0.0/4                 | lies entirely in multicast addresses",
        "0.0.0.0                     | is an unspecified address",
        "metadata.google.internal    | is a cloud metadata host name",
        "Metadata.Azure.Internal.    | is a cloud metadata host name",
    })
    void shouldTellWhyAnEntryCanNeverBeAllowedInAnySpelling(String entry, String why) {
        assertThat(AddressPolicy.neverAllowed(entry)).hasValueSatisfying(message -> assertThat(message)
                .startsWith("\"" + entry + "\" " + why).contains("stay blocked whatever the allow list says"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/8", "0.0.0.0/0", "::/0", "169.0.0.0/8", "127.0.0.1", "::1", "fc00::/7",
        "100.64.0.0/10", "2002::/16", "2002:0a00::/24", "::ffff:10.0.0.1", "hooks.internal.example.com", "metadata"})
    void shouldLeaveEntriesThatOpenSomethingAlone(String entry) {
        assertThat(AddressPolicy.neverAllowed(entry)).isEmpty();
    }

    @Test
    void shouldRefuseMalformedEntriesLikeTheBuilder() {
        for (String entry : new String[] {"not_a_host!", "10.0.0.0/33", "256.1.1.1", "fe80::1%eth0"}) {
            assertThatThrownBy(() -> AddressPolicy.neverAllowed(entry)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(entry.substring(0, 4));
            assertThatThrownBy(() -> AddressPolicy.builder().allow(entry)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void shouldNotOpenWhatItReportsAsNeverAllowed() throws Exception {
        // the report and the policy agree: a reported entry leaves the address blocked
        AddressPolicy policy = AddressPolicy.builder().blockPrivate(true).allow("0xA9FEA9FE").allow("fe80::/10").build();
        assertThat(policy.refusal("h", java.net.InetAddress.getByName("169.254.169.254"))).contains(AddressRule.METADATA);
        assertThat(policy.refusal("h", java.net.InetAddress.getByName("fe80::1"))).contains(AddressRule.LINK_LOCAL);
    }
}
