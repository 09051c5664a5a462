package io.jenkins.plugins.dockerbuildwebhooks.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CallbackParserTest {
    private static final String JSON = "application/json";

    private static CallbackReport parse(String body) {
        return new CallbackParser().parse(JSON, body.getBytes(StandardCharsets.UTF_8));
    }

    private static InvalidCallbackException refusal(String contentType, String body) {
        try {
            new CallbackParser().parse(contentType, body.getBytes(StandardCharsets.UTF_8));
        } catch (InvalidCallbackException e) {
            return e;
        }
        throw new AssertionError("accepted: " + body);
    }

    /** What jenkinsci/dockerhub-notification-plugin sends when its triggered builds are done. */
    @Test
    void shouldParseTheDockerhubNotificationPluginReport() {
        CallbackReport report = new CallbackParser().parse("application/json; charset=utf-8",
                """
                {"state":"success","description":"Build result SUCCESS","context":"Jenkins",
                 "target_url":"http://localhost:8080/jenkins/dockerhub-webhook/details/0a1b"}"""
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(report.state()).isEqualTo(CallbackState.SUCCESS);
        assertThat(report.description()).isEqualTo("Build result SUCCESS");
        assertThat(report.context()).isEqualTo("Jenkins");
        assertThat(report.targetUrl()).contains("http://localhost:8080/jenkins/dockerhub-webhook/details/0a1b");
    }

    @Test
    void shouldAcceptStateAloneWithoutContentType() {
        CallbackReport report = new CallbackParser().parse(null, "{\"state\": \"failure\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(report.state()).isEqualTo(CallbackState.FAILURE);
        assertThat(report.description()).isEmpty();
        assertThat(report.context()).isEmpty();
        assertThat(report.targetUrl()).isEmpty();
    }

    @Test
    void shouldTreatNullMembersAsAbsentAndIgnoreUnknownOnes() {
        CallbackReport report = parse("""
                {"state":"error","description":null,"context":null,"target_url":null,"extra":{"a":[1,2]}}""");

        assertThat(report.state()).isEqualTo(CallbackState.ERROR);
        assertThat(report.description()).isEmpty();
        assertThat(report.targetUrl()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SUCCESS", "Success", "ok", "pending", ""})
    void shouldRejectStatesOutsideTheContract(String state) {
        InvalidCallbackException e = refusal(JSON, "{\"state\":\"" + state + "\"}");

        assertThat(e.reason()).isEqualTo(InvalidCallbackException.Reason.INVALID);
        assertThat(e.getMessage()).isEqualTo("callback body: \"state\" must be one of success, failure, error but is \""
                + state + "\"");
    }

    @Test
    void shouldRequireState() {
        assertThat(refusal(JSON, "{\"description\":\"x\"}").getMessage())
                .isEqualTo("callback body: \"state\" is missing (expected one of success, failure, error)");
        assertThat(refusal(JSON, "{\"state\":null}").getMessage()).contains("\"state\" is missing");
    }

    @Test
    void shouldNameTheKeyOfAWronglyTypedMember() {
        InvalidCallbackException e = refusal(JSON, "{\"state\":\"success\",\"description\":42}");

        assertThat(e.reason()).isEqualTo(InvalidCallbackException.Reason.INVALID);
        assertThat(e.getMessage()).isEqualTo("callback body: \"description\" must be a string but is a number");
        assertThat(refusal(JSON, "{\"state\":[\"success\"]}").getMessage())
                .isEqualTo("callback body: \"state\" must be a string but is an array");
        assertThat(refusal(JSON, "{\"state\":\"success\",\"target_url\":{}}").getMessage())
                .isEqualTo("callback body: \"target_url\" must be a string but is an object");
    }

    @Test
    void shouldAcceptDescriptionOfExactly255CharactersCountingCodePoints() {
        String description = "\uD83D\uDC33".repeat(255); // 255 whale emoji = 510 UTF-16 units

        assertThat(parse("{\"state\":\"success\",\"description\":\"" + description + "\"}").description())
                .isEqualTo(description);
        assertThat(refusal(JSON, "{\"state\":\"success\",\"description\":\"" + "d".repeat(256) + "\"}").getMessage())
                .isEqualTo("callback body: \"description\" is 256 characters long, at most 255 are allowed");
    }

    @Test
    void shouldLimitContextTo100Characters() {
        assertThat(parse("{\"state\":\"success\",\"context\":\"" + "c".repeat(100) + "\"}").context()).hasSize(100);
        assertThat(refusal(JSON, "{\"state\":\"success\",\"context\":\"" + "c".repeat(101) + "\"}").getMessage())
                .isEqualTo("callback body: \"context\" is 101 characters long, at most 100 are allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"line\\nbreak", "tab\\there", "nul\\u0000", "del\\u007f", "rlo\\u202egnp.exe",
        "isolate\\u2066x", "sep\\u2028x", "lone\\ud800surrogate"})
    void shouldRejectControlAndBidiCharactersInText(String escaped) {
        InvalidCallbackException e = refusal(JSON, "{\"state\":\"success\",\"description\":\"" + escaped + "\"}");

        assertThat(e.reason()).isEqualTo(InvalidCallbackException.Reason.INVALID);
        assertThat(e.getMessage()).startsWith("callback body: \"description\" must not contain the control character U+");
    }

    @Test
    void shouldKeepMarkupAsPlainTextForTheViewToEscape() {
        CallbackReport report = parse("{\"state\":\"success\",\"description\":\"<script>alert(1)</script>\"}");

        assertThat(report.description()).isEqualTo("<script>alert(1)</script>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://ci.example.com/job/x/1/", "http://10.0.0.5:8080/details?id=1#top",
        "HTTPS://EXAMPLE.COM"})
    void shouldAcceptHttpTargetUrls(String url) {
        assertThat(parse("{\"state\":\"success\",\"target_url\":\"" + url + "\"}").targetUrl()).contains(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JavaScript:alert(document.cookie)", "data:text/html,<b>x</b>",
        "file:///etc/passwd", "ftp://example.com/", "//example.com/x", "/relative/path", "dockerhub-webhook/details/1",
        "https://", "https://jenkins.example.com@evil.example/", "https://exa mple.com/", "https://example.com/\\u0000"})
    void shouldRejectTargetUrlsThatAreNotAbsoluteHttp(String url) {
        InvalidCallbackException e = refusal(JSON, "{\"state\":\"success\",\"target_url\":\"" + url + "\"}");

        assertThat(e.reason()).isEqualTo(InvalidCallbackException.Reason.INVALID);
        assertThat(e.getMessage()).startsWith("callback body: \"target_url\" ");
    }

    @Test
    void shouldLimitTargetUrlLength() {
        String url = "https://example.com/" + "a".repeat(CallbackParser.MAX_TARGET_URL);

        assertThat(refusal(JSON, "{\"state\":\"success\",\"target_url\":\"" + url + "\"}").getMessage())
                .isEqualTo("callback body: \"target_url\" is 2068 characters long, at most 2048 are allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "state=success", "{\"state\":\"success\"", "[{\"state\":\"success\"}]",
        "\"success\"", "{\"state\":\"success\"} {}", "{\"state\":\"success\",\"state\":\"error\"}"})
    void shouldRejectBodiesThatAreNotOneJsonObject(String body) {
        InvalidCallbackException e = refusal(JSON, body);

        assertThat(e.reason()).isEqualTo(InvalidCallbackException.Reason.MALFORMED);
        assertThat(e.getMessage()).startsWith("callback body: ");
    }

    @Test
    void shouldRejectDeepNestingWithoutStackOverflow() {
        String body = "{\"state\":\"success\",\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}";

        assertThat(refusal(JSON, body).reason()).isEqualTo(InvalidCallbackException.Reason.MALFORMED);
    }

    @Test
    void shouldRejectInvalidUtf8() {
        byte[] body = {'{', '"', 's', 't', 'a', 't', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

        assertThatThrownBy(() -> new CallbackParser().parse(JSON, body))
                .isInstanceOfSatisfying(InvalidCallbackException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidCallbackException.Reason.MALFORMED));
    }

    @Test
    void shouldStopReadingAnEndlessStreamAfterTheLimit() {
        CountingStream endless = new CountingStream();

        assertThatThrownBy(() -> new CallbackParser().parse(JSON, endless))
                .isInstanceOfSatisfying(InvalidCallbackException.class, e -> {
                    assertThat(e.reason()).isEqualTo(InvalidCallbackException.Reason.TOO_LARGE);
                    assertThat(e.getMessage()).isEqualTo("callback body: larger than 16384 bytes");
                });
        assertThat(endless.read).isEqualTo(CallbackParser.MAX_BODY_BYTES + 1L);
    }

    @Test
    void shouldAcceptABodyOfExactlyTheLimit() throws IOException {
        String prefix = "{\"state\":\"success\",\"pad\":\"";
        String body = prefix + "p".repeat(CallbackParser.MAX_BODY_BYTES - prefix.length() - 2) + "\"}";
        assertThat(body).hasSize(CallbackParser.MAX_BODY_BYTES);

        CallbackReport report = new CallbackParser().parse(JSON,
                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));

        assertThat(report.state()).isEqualTo(CallbackState.SUCCESS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
        "application/json; charset=iso-8859-1", "application/json;charset=UTF-16"})
    void shouldRejectOtherMediaTypesAndCharsets(String contentType) {
        InvalidCallbackException e = refusal(contentType, "{\"state\":\"success\"}");

        assertThat(e.reason()).isEqualTo(InvalidCallbackException.Reason.UNSUPPORTED_MEDIA_TYPE);
        assertThat(e.reason().httpStatus()).isEqualTo(415);
        assertThat(e.getMessage()).startsWith("Content-Type: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "Application/JSON; Charset=\"UTF-8\"", "application/vnd.report+json", " "})
    void shouldAcceptJsonMediaTypes(String contentType) {
        assertThat(new CallbackParser().parse(contentType, "{\"state\":\"success\"}".getBytes(StandardCharsets.UTF_8))
                .state()).isEqualTo(CallbackState.SUCCESS);
    }

    @Test
    void shouldNotEchoLongOrHostileValuesInMessages() {
        String hostile = "<img src=x onerror=alert(1)>" + "x".repeat(1000);

        String message = refusal(JSON, "{\"state\":\"" + hostile + "\"}").getMessage();

        assertThat(message).hasSizeLessThan(200).contains("(1028 characters)");
        assertThat(CallbackParser.excerpt("a\"b\nc")).isEqualTo("\"a\\u0022b\\u000ac\"");
    }

    /** An input stream that never ends, counting what was read from it. */
    private static final class CountingStream extends InputStream {
        long read;

        @Override
        public int read() {
            read++;
            return ' ';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            java.util.Arrays.fill(b, off, off + len, (byte) ' ');
            read += len;
            return len;
        }
    }
}
