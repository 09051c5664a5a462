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
        "127.0.0.1:8781/xyzzy-token           | must start with http:// or https://",
        "http://127.0.0.1:99999/xyzzy-token   | has port 99999: a port is 1 to 65535",
        "http://127.0.0.1:0/xyzzy-token       | has port 0: a port is 1 to 65535",
        "http://:8781/xyzzy-token             | has no host name",
        "http://0x1ffffffff.1/xyzzy-token     | has no usable host",
    })
    void shouldNameTheProblemWithoutQuotingTheUrl(String url, String problem) {
        assertThat(WebhookUrls.problem(url)).hasValueSatisfying(p -> assertThat(p).startsWith(problem)
                .doesNotContain("xyzzy"));
        assertThatThrownBy(() -> WebhookUrls.parse(url)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("URL ").hasMessageContaining(problem).hasMessageNotContaining("xyzzy");
    }

    @Test
    void shouldNameTheHostOfAUrlWithoutScheme() {
        assertThatThrownBy(() -> WebhookUrls.parse("127.0.0.1:8781/hook/xyzzy-token"))
                .hasMessage("URL 127.0.0.1:8781/… must start with http:// or https://");
        assertThatThrownBy(() -> WebhookUrls.parse("localhost:8781/hook"))
                .hasMessage("URL localhost:8781/… must start with http:// or https://");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "http://0xa9.0xfe.0xa9.0xfe/latest?x=1          | http://169.254.169.254/latest?x=1",
        "http://0251.0376.0251.0376:8080/meta-data/     | http://169.254.169.254:8080/meta-data/",
        "http://127.1/hook                              | http://127.0.0.1/hook",
        "https://0x7f.0.0.1:8443                        | https://127.0.0.1:8443",
    })
    void shouldReadNumericIpv4SpellingsAsTheAddressTheyMean(String url, String parsed) {
        assertThat(WebhookUrls.problem(url)).isEmpty();
        assertThat(WebhookUrls.parse(url)).isEqualTo(URI.create(parsed));
        assertThat(WebhookUrls.mask(url)).isEqualTo(WebhookUrls.mask(parsed));
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
