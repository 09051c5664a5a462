package io.jenkins.plugins.dockerbuildwebhooks.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CallbackTokensTest {
    private static CallbackTokens tokens(int fill) {
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) fill);
        return new CallbackTokens(secret);
    }

    @Test
    void shouldVerifyATokenItIssuedAndNameItsDelivery() {
        CallbackTokens tokens = tokens(7);

        String token = tokens.issue("msg_2bQx9Zk1");

        assertThat(tokens.verify(token)).contains("msg_2bQx9Zk1");
        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}");
    }

    /** HMAC-SHA256 computed independently: key 32 x 0x07, message label + id. */
    @Test
    void shouldMatchTheDocumentedConstruction() throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 7);
        mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
        byte[] expected = mac.doFinal("docker-build-webhooks callback token v1\nd-1".getBytes(StandardCharsets.UTF_8));

        String token = tokens(7).issue("d-1");

        assertThat(token).isEqualTo("ZC0x." + Base64.getUrlEncoder().withoutPadding().encodeToString(expected));
    }

    @Test
    void shouldRejectATokenFromAnotherSecret() {
        String token = tokens(1).issue("delivery-1");

        assertThat(tokens(2).verify(token)).isEmpty();
    }

    @Test
    void shouldRejectATokenWhoseDeliveryIdWasSwapped() {
        CallbackTokens tokens = tokens(3);
        String mine = tokens.issue("delivery-1");
        String theirs = tokens.issue("delivery-2");

        String forged = mine.substring(0, mine.indexOf('.')) + theirs.substring(theirs.indexOf('.'));

        assertThat(tokens.verify(forged)).isEmpty();
    }

    @Test
    void shouldRejectMalformedTokens() {
        CallbackTokens tokens = tokens(4);
        String good = tokens.issue("abc");

        assertThat(tokens.verify(null)).isEmpty();
        assertThat(tokens.verify("")).isEmpty();
        assertThat(tokens.verify("abc")).isEmpty();
        assertThat(tokens.verify("." + good.substring(good.indexOf('.') + 1))).isEmpty();
        assertThat(tokens.verify(good + ".x")).isEmpty();
        assertThat(tokens.verify(good.replace('.', '!'))).isEmpty();
        assertThat(tokens.verify(good.substring(0, good.length() - 1))).isEmpty();
        assertThat(tokens.verify("YWJj.%%%")).isEmpty();
        assertThat(tokens.verify("a".repeat(100_000) + "." + "b".repeat(43))).isEmpty();
    }

    @Test
    void shouldRefuseShortSecretsAndBadIds() {
        assertThatThrownBy(() -> new CallbackTokens(new byte[31]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("callback token secret: 31 bytes is too short, at least 32 are needed");
        assertThatThrownBy(() -> tokens(1).issue(""))
                .hasMessage("delivery id: must be 1 to 256 bytes long but is 0");
        assertThatThrownBy(() -> tokens(1).issue("x".repeat(257)))
                .hasMessage("delivery id: must be 1 to 256 bytes long but is 257");
    }

    @Test
    void shouldCopyTheSecretSoLaterChangesDoNotAffectTokens() {
        byte[] secret = new byte[32];
        CallbackTokens tokens = new CallbackTokens(secret);
        String token = tokens.issue("d");

        Arrays.fill(secret, (byte) 9);

        assertThat(tokens.verify(token)).contains("d");
    }

    @Test
    void shouldBuildCallbackUrlsUnderTheRootUrl() {
        assertThat(CallbackUrls.of("https://ci.example.com/jenkins/", "t.k"))
                .isEqualTo("https://ci.example.com/jenkins/docker-build-webhooks/callback/t.k");
        assertThat(CallbackUrls.of("http://localhost:8080", "t.k"))
                .isEqualTo("http://localhost:8080/docker-build-webhooks/callback/t.k");
        assertThatThrownBy(() -> CallbackUrls.of("ci.example.com", "t"))
                .hasMessage("root URL: must start with http:// or https:// but is \"ci.example.com\"");
    }
}
