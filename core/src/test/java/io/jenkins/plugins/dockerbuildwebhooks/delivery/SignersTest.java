package io.jenkins.plugins.dockerbuildwebhooks.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignersTest {

    @Test
    void shouldMatchStandardWebhooksPublishedVector() {
        StandardWebhooksSigner signer = new StandardWebhooksSigner(Secret.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));

        String signature = signer.sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L,
                "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8));

        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void shouldMatchGitHubPublishedVector() {
        HubSignature256Signer signer = new HubSignature256Signer(Secret.of("It's a Secret to Everybody"));

        assertThat(signer.sign("Hello, World!".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
    }

    @Test
    void shouldChangeStandardSignatureWhenAnyPartChanges() {
        StandardWebhooksSigner signer = new StandardWebhooksSigner(Secret.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String base = signer.sign("msg_1", 100, body);

        assertThat(signer.sign("msg_2", 100, body)).isNotEqualTo(base);
        assertThat(signer.sign("msg_1", 101, body)).isNotEqualTo(base);
        assertThat(signer.sign("msg_1", 100, "{ }".getBytes(StandardCharsets.UTF_8))).isNotEqualTo(base);
    }

    @Test
    void shouldRejectInvalidWhsecWithoutQuotingIt() {
        assertThatThrownBy(() -> new StandardWebhooksSigner(Secret.of("whsec_not*base64!")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not valid base64")
                .hasMessageNotContaining("not*base64");
    }

    @Test
    void shouldRejectIdsWithDots() {
        StandardWebhooksSigner signer = new StandardWebhooksSigner(Secret.of("raw-key"));

        assertThatThrownBy(() -> signer.sign("a.b", 1, new byte[0])).hasMessageContaining("a.b");
    }

    @Test
    void shouldNeverShowSecretsInToString() {
        Secret secret = Secret.of("hunter2");

        assertThat(secret.toString()).doesNotContain("hunter2");
        assertThat(secret).isEqualTo(Secret.of("hunter2")).isNotEqualTo(Secret.of("hunter3"));
    }
}
