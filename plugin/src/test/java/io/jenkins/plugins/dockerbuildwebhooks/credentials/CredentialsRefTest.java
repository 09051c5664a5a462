package io.jenkins.plugins.dockerbuildwebhooks.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CredentialsRefTest {

    @Test
    void shouldRoundTripTheContextWithTheId() {
        String global = CredentialsRef.Context.GLOBAL.ref("hook-url");
        String build = CredentialsRef.Context.BUILD.ref("hook:with:colons");

        assertThat(global).isEqualTo("global-credentials:hook-url");
        assertThat(CredentialsRef.parse(global)).isEqualTo(new CredentialsRef(CredentialsRef.Context.GLOBAL, "hook-url"));
        assertThat(CredentialsRef.parse(build))
                .isEqualTo(new CredentialsRef(CredentialsRef.Context.BUILD, "hook:with:colons"));
    }

    @Test
    void shouldReadReferencesOfEarlierJournalsAsTheBuilds() {
        // they were looked up as the build; reading them globally would widen what they reach
        assertThat(CredentialsRef.parse("credentials:old-id"))
                .isEqualTo(new CredentialsRef(CredentialsRef.Context.BUILD, "old-id"));
    }

    @Test
    void shouldRefuseOtherReferencesNamingThem() {
        for (String ref : new String[] {"env:HOOK_SECRET", "global-credentials:", "system-credentials:x", "plain-id"}) {
            assertThatThrownBy(() -> CredentialsRef.parse(ref)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + ref + "'");
        }
    }
}
