package io.jenkins.plugins.dockerbuildwebhooks.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EndpointTest {

    @Test
    void shouldMaskSecretUrlsEverywhere() {
        Endpoint e = Endpoint.builder("https://hooks.example:8443/services/T0/B1/xyzzy-token?key=abc")
                .signature(SignatureScheme.HUB_SIGNATURE_256, Secret.of("s3cret"), null)
                .bearer(Secret.of("b3arer"), null).build();

        assertThat(e.maskedUrl()).isEqualTo("https://hooks.example:8443/…");
        assertThat(e.id()).isEqualTo("https://hooks.example:8443/…");
        assertThat(e.toString()).doesNotContain("xyzzy").doesNotContain("abc").doesNotContain("s3cret").doesNotContain("b3arer");
    }

    @Test
    void shouldRejectBadUrlsWithoutShowingTheirSecrets() {
        assertThatThrownBy(() -> Endpoint.builder("ftp://host/token123")).hasMessageContaining("http://")
                .hasMessageNotContaining("token123");
        assertThatThrownBy(() -> Endpoint.builder("https://user:pw@host/x")).hasMessageContaining("user:password@")
                .hasMessageNotContaining("pw@");
        assertThatThrownBy(() -> Endpoint.builder("https://host/a b/token123")).hasMessageContaining("not a valid URL")
                .hasMessageNotContaining("token123");
    }

    @Test
    void shouldRequireASecretForSigning() {
        assertThatThrownBy(() -> Endpoint.builder("https://h/").signature(SignatureScheme.BOTH, null, null).build())
                .hasMessageContaining("needs a secret");
    }

    @Test
    void shouldRefuseHeadersTheSenderOwnsAndLineBreaks() {
        assertThatThrownBy(() -> Endpoint.builder("https://h/").header("webhook-id", "x")).hasMessageContaining("webhook-id");
        assertThatThrownBy(() -> Endpoint.builder("https://h/").header("Authorization", "x")).hasMessageContaining("bearer");
        assertThatThrownBy(() -> Endpoint.builder("https://h/").header("X-A", "a\r\nX-B: b")).hasMessageContaining("line breaks");
        assertThatThrownBy(() -> Endpoint.builder("https://h/").header("Bad Name", "a")).hasMessageContaining("Bad Name");
    }

    @Test
    void shouldCreateIdsThatStandardWebhooksAccepts() {
        String id = Delivery.newId(new java.util.Random(3));

        assertThat(id).matches("msg_[0-9a-z]{26}");
        assertThat(Delivery.newId(new java.util.Random(4))).isNotEqualTo(id);
    }
}
