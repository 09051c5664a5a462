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

    @Test
    void shouldCheckTheCdEventsSettingsWithCoresParser() {
        assertThat(EndpointValidation.cdeventsSpec("", "cdevents").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(EndpointValidation.cdeventsSpec("0.5.1", "cdevents").kind).isEqualTo(FormValidation.Kind.OK);
        FormValidation unknownSpec = EndpointValidation.cdeventsSpec("0.6", "cdevents");
        assertThat(unknownSpec.kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(unknownSpec.getMessage()).contains("0.6", "0.4.1", "0.5.1");
        FormValidation unknownMode = EndpointValidation.cloudEventsMode("batch", "cdevents");
        assertThat(unknownMode.kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(unknownMode.getMessage()).contains("batch", "binary", "structured");
        assertThat(EndpointValidation.cloudEventsMode("structured", "docker-hub").getMessage())
                .as("a note, not an error, for a setting the profile ignores").contains("Only the cdevents");
        assertThat(EndpointValidation.cloudEventsMode("structured", "docker-hub").kind).isEqualTo(FormValidation.Kind.OK);
    }

    @Test
    void shouldCheckTheSignatureHeaderNameWithCoresEndpoint() {
        assertThat(EndpointValidation.hubSignatureHeader("", "both").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(EndpointValidation.hubSignatureHeader("X-Signature", "hub-signature-256").kind)
                .isEqualTo(FormValidation.Kind.OK);
        assertThat(EndpointValidation.hubSignatureHeader("X Signature", "both").getMessage()).contains("X Signature");
        assertThat(EndpointValidation.hubSignatureHeader("ce-id", "both").getMessage()).contains("ce-id", "CloudEvents");
        assertThat(EndpointValidation.hubSignatureHeader("Content-Type", "both").kind).isEqualTo(FormValidation.Kind.ERROR);
        FormValidation unused = EndpointValidation.hubSignatureHeader("X-Signature", "standard-webhooks");
        assertThat(unused.kind).isEqualTo(FormValidation.Kind.WARNING);
        assertThat(unused.getMessage()).contains("standard-webhooks");
    }
}
