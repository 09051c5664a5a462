package io.jenkins.plugins.dockerbuildwebhooks.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PayloadSummaryTest {

    private static PayloadSummary of(String json) {
        return PayloadSummary.of(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldReadTheFieldsReceiversUse() {
        PayloadSummary summary = of("""
                {"callback_url":"http://127.0.0.1:1/cb","push_data":{"images":["abc"],"pusher":"ci","tag":"1.0"},
                 "repository":{"repo_name":"localhost:5000/demo/app"}}""");

        assertThat(summary.problem()).isNull();
        assertThat(summary.repoName()).isEqualTo("localhost:5000/demo/app");
        assertThat(summary.tag()).isEqualTo("1.0");
        assertThat(summary.pusher()).isEqualTo("ci");
        assertThat(summary.images()).containsExactly("abc");
        assertThat(summary.callbackUrl()).isEqualTo("http://127.0.0.1:1/cb");
    }

    @Test
    void shouldLeaveFieldsOfAnotherTypeOut() {
        PayloadSummary summary = of("{\"push_data\":{\"tag\":7,\"images\":null},\"repository\":\"x\"}");

        assertThat(summary.problem()).isNull();
        assertThat(summary.tag()).isNull();
        assertThat(summary.repoName()).isNull();
        assertThat(summary.images()).isEmpty();
    }

    @Test
    void shouldSayWhatIsWrongWithABodyThatIsNoJsonObject() {
        assertThat(of("[1]").problem()).contains("expected a JSON object");
        assertThat(of("{\"a\":").problem()).startsWith("body");
        assertThat(of("").problem()).isEqualTo("the body is empty");
    }
}
