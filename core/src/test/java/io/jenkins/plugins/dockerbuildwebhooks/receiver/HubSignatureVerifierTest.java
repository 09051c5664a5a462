package io.jenkins.plugins.dockerbuildwebhooks.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dockerbuildwebhooks.receiver.SignatureCheck.Outcome;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Checks against GitHub's published test vector. */
class HubSignatureVerifierTest {
    private static final HubSignatureVerifier VERIFIER = new HubSignatureVerifier("It's a Secret to Everybody");
    private static final byte[] BODY = "Hello, World!".getBytes(StandardCharsets.UTF_8);
    private static final String SIGNATURE =
            "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

    @Test
    void shouldAcceptGithubsTestVector() {
        assertThat(VERIFIER.verify(SIGNATURE, BODY).outcome()).isEqualTo(Outcome.VALID);
    }

    @Test
    void shouldAcceptAMatchingEntryInACommaSeparatedList() {
        assertThat(VERIFIER.verify("sha256=00, " + SIGNATURE, BODY).outcome()).isEqualTo(Outcome.VALID);
    }

    @Test
    void shouldRejectUppercaseHexAsGithubsLibrariesDo() {
        SignatureCheck check = VERIFIER.verify("sha256=" + SIGNATURE.substring(7).toUpperCase(), BODY);

        assertThat(check.outcome()).isEqualTo(Outcome.INVALID);
        assertThat(check.detail()).isEqualTo("sha256 HMAC matches only when case is ignored: the hex must be lowercase");
    }

    @Test
    void shouldRejectAnotherSecret() {
        SignatureCheck check = new HubSignatureVerifier("another").verify(SIGNATURE, BODY);

        assertThat(check.outcome()).isEqualTo(Outcome.INVALID);
        assertThat(check.detail()).as("the hex is lowercase: no hint about case")
                .isEqualTo("sha256 HMAC does not match the body and the secret");
    }

    @Test
    void shouldCallAHeaderWithoutPrefixMalformed() {
        SignatureCheck check = VERIFIER.verify(SIGNATURE.substring(7), BODY);

        assertThat(check.outcome()).isEqualTo(Outcome.INVALID);
        assertThat(check.detail()).startsWith("malformed");
    }
}
