package io.jenkins.plugins.dockerbuildwebhooks.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebhookUrlsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://hooks.example:8443/services/T0/xyzzy-token?key=abc | https://hooks.example:8443/…",
        "HTTP://Hooks.example                                        | http://Hooks.example/",
        "https://hooks.example/                                      | https://hooks.example/",
        "https://hooks.example?token=abc                             | https://hooks.example/…",
        "http://[::1]:8080/hook                                      | http://[::1]:8080/…",
        "not a url                                                   | (invalid URL)",
        "/relative/xyzzy-token                                       | (invalid URL)",
    })
    void shouldMaskEverythingButSchemeHostAndPort(String url, String masked) {
        assertThat(WebhookUrls.mask(url)).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ftp://hooks.example/xyzzy-token      | must start with http:// or https://",
        "hooks.example/xyzzy-token            | must start with http:// or https://",
        "https://user:xyzzy-pw@hooks.example/ | must not contain user:password@",
        "https:///xyzzy-token                 | has no host name",
        "https://hooks.example/x#xyzzy-token  | must not contain a #fragment",
        "https://hooks.example/a b/xyzzy-token | is not a valid URL",
    })
    void shouldNameTheProblemWithoutQuotingTheUrl(String url, String problem) {
        assertThat(WebhookUrls.problem(url)).hasValueSatisfying(p -> assertThat(p).startsWith(problem)
                .doesNotContain("xyzzy"));
        assertThatThrownBy(() -> WebhookUrls.parse(url)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("URL ").hasMessageContaining(problem).hasMessageNotContaining("xyzzy");
    }

    @Test
    void shouldAcceptHttpAndHttpsUrlsWithHostPathAndQuery() {
        assertThat(WebhookUrls.problem("  https://hooks.example/services/T0?token=abc ")).isEmpty();
        assertThat(WebhookUrls.problem("http://127.0.0.1:9000/hooks/redeploy")).isEmpty();
        assertThat(WebhookUrls.parse(" http://127.0.0.1:9000/hooks/redeploy "))
                .isEqualTo(URI.create("http://127.0.0.1:9000/hooks/redeploy"));
    }

    @Test
    void shouldAgreeWithTheEndpointBuilder() {
        for (String url : new String[] {"ftp://h/x", "https://u:p@h/", "https://h/#f", "https://h/ok?q=1"}) {
            boolean accepted;
            try {
                Endpoint.builder(url);
                accepted = true;
            } catch (IllegalArgumentException e) {
                accepted = false;
            }
            assertThat(accepted).as(url).isEqualTo(WebhookUrls.problem(url).isEmpty());
        }
    }
}
