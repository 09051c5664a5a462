package io.jenkins.plugins.dockerbuildwebhooks.config;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.util.FormValidation;
import org.junit.jupiter.api.Test;

/** The form checks, without Jenkins: they need no running instance. */
class EndpointValidationTest {

    @Test
    void shouldRequireAUrlOrAUrlCredential() {
        assertThat(EndpointValidation.url("", "").kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(EndpointValidation.url("", "creds").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(EndpointValidation.url("https://example.com/h", "creds").getMessage()).contains("not both");
    }

    @Test
    void shouldRejectUserInfoAndOtherSchemes() {
        assertThat(EndpointValidation.url("https://user:pw@example.com/", "").getMessage()).contains("user:password@");
        assertThat(EndpointValidation.url("ftp://example.com/", "").getMessage()).contains("http:// or https://");
        assertThat(EndpointValidation.url("https://example.com/#x", "").getMessage()).contains("fragment");
    }

    @Test
    void shouldWarnThatAQueryStringMayHoldAToken() {
        FormValidation check = EndpointValidation.url("https://example.com/h?token=x", "");

        assertThat(check.kind).isEqualTo(FormValidation.Kind.WARNING);
        assertThat(check.getMessage()).contains("secret text credential").doesNotContain("token=x");
    }

    @Test
    void shouldCheckIdsHeadersRepositoriesAndNumbers() {
        assertThat(EndpointValidation.id("has space").kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(EndpointValidation.id("keel-prod_1.x").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(EndpointValidation.headers("X-Ok: 1\nbroken").getMessage()).contains("header line 2");
        assertThat(EndpointValidation.headers("X-Ok: 1\nAuthorization: Bearer t").getMessage())
                .contains("header line 2", "bearer");
        assertThat(EndpointValidation.repositories("Acme/App").getMessage()).contains("Acme/App", "lower case");
        assertThat(EndpointValidation.number("0", 1, 20, "Attempts").getMessage()).contains("from 1 to 20");
        assertThat(EndpointValidation.number("x", 1, 20, "Attempts").getMessage()).contains("whole number");
    }

    @Test
    void shouldCheckTheAllowListWithCoresParser() {
        assertThat(NetworkPolicyValidation.allowList("10.0.0.0/8 hooks.example.com").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(NetworkPolicyValidation.allowList("10.0.0.0/8 not_a_host!").kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(NetworkPolicyValidation.allowList("169.254.169.254").kind).isEqualTo(FormValidation.Kind.WARNING);
        FormValidation encoded = NetworkPolicyValidation.allowList("10.0.0.0/8, 0xA9FEA9FE ::ffff:169.254.169.254\nfe80::/10");
        assertThat(encoded.kind).isEqualTo(FormValidation.Kind.WARNING);
        assertThat(encoded.getMessage()).contains("0xA9FEA9FE", "::ffff:169.254.169.254", "fe80::/10", "stay blocked")
                .doesNotContain("10.0.0.0/8");
        assertThat(NetworkPolicyValidation.allowList("0.0.0.0/0").kind).isEqualTo(FormValidation.Kind.OK);
    }
}
