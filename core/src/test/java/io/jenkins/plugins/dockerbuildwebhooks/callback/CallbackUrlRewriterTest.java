package io.jenkins.plugins.dockerbuildwebhooks.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A redelivered payload gets its own callback URL and nothing else changes. */
class CallbackUrlRewriterTest {
    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldReplaceOnlyOurCallbackUrl() {
        String body = "{\"callback_url\":\"https://ci.example.com/docker-build-webhooks/callback/b2xk.AAA\","
                + "\"push_data\":{\"tag\":\"1.0\",\"note\":\"https://ci.example.com/docker-build-webhooks/callback/b2xk.AAA?\"}}";

        byte[] rewritten = CallbackUrlRewriter.rewrite(bytes(body),
                old -> old.replace("b2xk.AAA", "bmV3.BBB"));

        assertThat(new String(rewritten, StandardCharsets.UTF_8)).isEqualTo(body.replaceFirst("b2xk\\.AAA", "bmV3.BBB"));
    }

    @Test
    void shouldLeaveOtherPayloadsByteForByte() {
        byte[] none = bytes("{\"callback_url\":\"\",\"push_data\":{\"tag\":\"1.0\"}}");
        byte[] foreign = bytes("{\"callback_url\":\"https://registry.hub.docker.com/u/acme/app/hook/2141b5bi5i5b02bec211i4eeih0242eg11000a/\"}");

        assertThat(CallbackUrlRewriter.rewrite(none, old -> "x")).isSameAs(none);
        assertThat(CallbackUrlRewriter.rewrite(foreign, old -> "x")).isSameAs(foreign);
    }
}
