package io.jenkins.plugins.dockerbuildwebhooks.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dockerbuildwebhooks.receiver.SignatureCheck.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Checks against the specification's published test vector. */
class StandardWebhooksVerifierTest {
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final String TIMESTAMP = "1614265330";
    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private static StandardWebhooksVerifier verifierAt(long epochSecond) {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
        return StandardWebhooksVerifier.forSecret(SECRET, clock).orElseThrow();
    }

    @Test
    void shouldAcceptTheSpecificationsTestVector() {
        SignatureCheck check = verifierAt(1614265330 + 10).verify(ID, TIMESTAMP, SIGNATURE, BODY);

        assertThat(check.outcome()).isEqualTo(Outcome.VALID);
    }

    @Test
    void shouldAcceptWhenAnyEntryOfTheListMatches() {
        SignatureCheck check = verifierAt(1614265330)
                .verify(ID, TIMESTAMP, "v1,AAAA v1a,xyz " + SIGNATURE, BODY);

        assertThat(check.outcome()).isEqualTo(Outcome.VALID);
    }

    @Test
    void shouldRejectAChangedBody() {
        byte[] changed = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);

        SignatureCheck check = verifierAt(1614265330).verify(ID, TIMESTAMP, SIGNATURE, changed);

        assertThat(check.outcome()).isEqualTo(Outcome.INVALID);
        assertThat(check.detail()).contains("no v1 signature");
    }

    @Test
    void shouldRejectAnOldTimestampEvenWhenTheSignatureMatches() {
        SignatureCheck check = verifierAt(1614265330 + 301).verify(ID, TIMESTAMP, SIGNATURE, BODY);

        assertThat(check.outcome()).isEqualTo(Outcome.INVALID);
        assertThat(check.detail()).contains("301 s old", "replay");
    }

    @Test
    void shouldAcceptATimestampAtTheEdgeOfTheTolerance() {
        assertThat(verifierAt(1614265330 - 300).verify(ID, TIMESTAMP, SIGNATURE, BODY).outcome())
                .isEqualTo(Outcome.VALID);
    }

    @Test
    void shouldNameTheMissingHeader() {
        SignatureCheck check = verifierAt(1614265330).verify(ID, null, SIGNATURE, BODY);

        assertThat(check.outcome()).isEqualTo(Outcome.INVALID);
        assertThat(check.detail()).contains("missing webhook-timestamp");
    }

    @Test
    void shouldRejectAMillisecondTimestampAsNotMatching() {
        SignatureCheck check = verifierAt(1614265330).verify(ID, "1614265330000", SIGNATURE, BODY);

        assertThat(check.outcome()).isEqualTo(Outcome.INVALID);
    }

    @Test
    void shouldRejectAWebhookIdWithADot() {
        SignatureCheck check = verifierAt(1614265330).verify("a.b", TIMESTAMP, SIGNATURE, BODY);

        assertThat(check.outcome()).isEqualTo(Outcome.INVALID);
        assertThat(check.detail()).contains("'.'");
    }

    @Test
    void shouldReportNotSentWithoutHeaders() {
        assertThat(verifierAt(0).verify(null, null, null, BODY).outcome()).isEqualTo(Outcome.NOT_SENT);
    }

    @Test
    void shouldRefuseAWhsecSecretThatIsNotBase64() {
        assertThat(StandardWebhooksVerifier.forSecret("whsec_not base64!", Clock.systemUTC())).isEmpty();
        assertThat(StandardWebhooksVerifier.forSecret("whsec_", Clock.systemUTC())).isEmpty();
    }

    @Test
    void shouldUseASecretWithoutPrefixAsRawKeyBytes() throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec("plain".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = "v1," + java.util.Base64.getEncoder().encodeToString(
                mac.doFinal((ID + "." + TIMESTAMP + ".{\"test\": 2432232314}").getBytes(StandardCharsets.UTF_8)));
        StandardWebhooksVerifier verifier = StandardWebhooksVerifier.forSecret("plain",
                Clock.fixed(Instant.ofEpochSecond(1614265330), ZoneOffset.UTC)).orElseThrow();

        assertThat(verifier.verify(ID, TIMESTAMP, signature, BODY).outcome()).isEqualTo(Outcome.VALID);
    }
}
