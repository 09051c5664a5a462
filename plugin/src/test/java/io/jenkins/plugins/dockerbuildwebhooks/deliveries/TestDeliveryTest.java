package io.jenkins.plugins.dockerbuildwebhooks.deliveries;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.util.FormValidation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the test button words an outcome; needs no running Jenkins. */
class TestDeliveryTest {

    private static DeliveryRecord record(String outcome, boolean success, int status, String message, String excerpt) {
        return new DeliveryRecord("msg_1", "hub", "https://hooks.example.com/…", "example/webhook-test:test", outcome,
                success, status, message, List.of(new AttemptRecord(1, 0, status, "", 42, excerpt)), "{}");
    }

    @Test
    void shouldReportADeliveryWithStatusLatencyAndResponse() {
        FormValidation answer = TestDelivery.describe(record("DELIVERED", true, 202, "", "accepted\n"));

        assertThat(answer.kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(answer.getMessage()).isEqualTo("DELIVERED: HTTP 202 in 42 ms. Response: accepted");
    }

    @Test
    void shouldWarnThatRedirectsAreNotFollowed() {
        FormValidation answer = TestDelivery.describe(record("DELIVERED_REDIRECT", true, 302, "", ""));

        assertThat(answer.kind).isEqualTo(FormValidation.Kind.WARNING);
        assertThat(answer.getMessage()).contains("HTTP 302", "Redirects are not followed");
    }

    @Test
    void shouldReportAFailureWithItsReasonEscaped() {
        FormValidation answer = TestDelivery.describe(record("FAILED", false, 0, "connection refused", "<b>down</b>"));

        assertThat(answer.kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(answer.getMessage()).contains("FAILED in 42 ms (connection refused)", "&lt;b&gt;down&lt;/b&gt;")
                .doesNotContain("<b>");
    }

    @Test
    void shouldShortenLongResponses() {
        FormValidation answer = TestDelivery.describe(record("DELIVERED", true, 200, "", "x".repeat(1000)));

        assertThat(answer.getMessage()).contains("x".repeat(300) + "…").doesNotContain("x".repeat(301));
    }
}
