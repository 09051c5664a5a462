package io.jenkins.plugins.dockerbuildwebhooks.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HeaderLineTest {

    @Test
    void shouldSplitAtTheFirstColonAndTrim() {
        assertThat(HeaderLine.parse("  X-Team :  builds ")).isEqualTo(new HeaderLine("X-Team", "builds"));
        assertThat(HeaderLine.parse("X-Url: https://a.example:8443/x")).isEqualTo(new HeaderLine("X-Url", "https://a.example:8443/x"));
        assertThat(HeaderLine.parse("X-Empty:")).isEqualTo(new HeaderLine("X-Empty", ""));
    }

    @Test
    void shouldRefuseLinesWithoutANameAndNeverQuoteTheValue() {
        assertThatThrownBy(() -> HeaderLine.parse("NoColon-xyzzy")).hasMessageContaining("\"Name: value\"")
                .hasMessageNotContaining("xyzzy");
        assertThatThrownBy(() -> HeaderLine.parse(": xyzzy")).hasMessageContaining("\"Name: value\"")
                .hasMessageNotContaining("xyzzy");
        assertThatThrownBy(() -> HeaderLine.parse("   : xyzzy")).hasMessageContaining("\"Name: value\"");
    }

    @Test
    void shouldApplyTheSendersHeaderRules() {
        assertThatThrownBy(() -> HeaderLine.parse("Authorization: Bearer xyzzy")).hasMessageContaining("bearer")
                .hasMessageNotContaining("xyzzy");
        assertThatThrownBy(() -> HeaderLine.parse("webhook-id: 1")).hasMessageContaining("webhook-id");
        assertThatThrownBy(() -> HeaderLine.parse("Bad Name: 1")).hasMessageContaining("invalid header name");
    }

    @Test
    void shouldParseOneHeaderPerLineNamingABadLineByNumber() {
        assertThat(HeaderLine.parseLines("X-A: 1\r\n\n  \nX-B: two\nX-A: 3")).containsExactly(
                Map.entry("X-A", "3"), Map.entry("X-B", "two"));
        assertThat(HeaderLine.parseLines(null)).isEmpty();
        assertThatThrownBy(() -> HeaderLine.parseLines("X-Ok: 1\n\nbroken-xyzzy"))
                .hasMessageStartingWith("header line 3: ").hasMessageNotContaining("xyzzy");
    }
}
