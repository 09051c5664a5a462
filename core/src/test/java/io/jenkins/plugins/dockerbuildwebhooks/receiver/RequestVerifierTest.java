package io.jenkins.plugins.dockerbuildwebhooks.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dockerbuildwebhooks.receiver.SignatureCheck.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RequestVerifierTest {
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1614265330), ZoneOffset.UTC);
    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

    private static List<SignatureCheck> verify(RequestVerifier verifier, Map<String, String> headers) {
        TreeMap<String, String> caseless = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        caseless.putAll(headers);
        return verifier.verify(caseless::get, BODY);
    }

    @Test
    void shouldCheckBothSchemesWithOneWhsecSecret() throws Exception {
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String hub = "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(BODY));

        List<SignatureCheck> checks = verify(RequestVerifier.forSecret(secret, CLOCK), Map.of(
                "Webhook-Id", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                "webhook-timestamp", "1614265330",
                "webhook-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                "x-hub-signature-256", hub));

        assertThat(checks).extracting(SignatureCheck::outcome).containsExactly(Outcome.VALID, Outcome.VALID);
    }

    @Test
    void shouldReportSignedRequestsAsUncheckedWithoutASecret() {
        List<SignatureCheck> checks = verify(RequestVerifier.withoutSecret(), Map.of(
                "webhook-id", "a", "webhook-timestamp", "1", "webhook-signature", "v1,AA==",
                "X-Hub-Signature-256", "sha256=00"));

        assertThat(checks).extracting(SignatureCheck::outcome).containsExactly(Outcome.UNCHECKED, Outcome.UNCHECKED);
    }

    @Test
    void shouldNotTreatAnIdAndATimestampWithoutSignatureAsSigned() {
        List<SignatureCheck> checks = verify(RequestVerifier.forSecret("plain", CLOCK),
                Map.of("webhook-id", "a", "webhook-timestamp", "1614265330"));

        assertThat(checks).extracting(SignatureCheck::outcome).containsExactly(Outcome.NOT_SENT, Outcome.NOT_SENT);
    }

    @Test
    void shouldSayWhyABrokenWhsecSecretCannotCheckStandardWebhooks() {
        RequestVerifier verifier = RequestVerifier.forSecret("whsec_not base64!", CLOCK);

        List<SignatureCheck> checks = verify(verifier, Map.of(
                "webhook-id", "a", "webhook-timestamp", "1614265330", "webhook-signature", "v1,AA=="));

        assertThat(verifier.standardWebhooksUsable()).isFalse();
        assertThat(checks.get(0).outcome()).isEqualTo(Outcome.UNCHECKED);
        assertThat(checks.get(0).detail()).contains("whsec_", "base64");
    }
}
