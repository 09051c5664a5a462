package io.jenkins.plugins.dockerbuildwebhooks.callback;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dockerbuildwebhooks.json.JsonWriter;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

class CallbackPropertiesTest {

    @Property
    void shouldOnlyEverAcceptOrRefuseArbitraryBytes(@ForAll @Size(max = 300) byte[] body) {
        try {
            CallbackReport report = new CallbackParser().parse("application/json", body);
            assertThat(report.description().codePointCount(0, report.description().length()))
                    .isLessThanOrEqualTo(CallbackParser.MAX_DESCRIPTION);
        } catch (InvalidCallbackException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Property
    void shouldOnlyEverAcceptOrRefuseArbitraryJsonLikeText(@ForAll("jsonish") String body) {
        try {
            CallbackReport report = new CallbackParser().parse(null, body.getBytes(StandardCharsets.UTF_8));
            assertThat(report.state()).isNotNull();
            report.targetUrl().ifPresent(url -> assertThat(url).matches("(?i)https?://.+"));
        } catch (InvalidCallbackException expected) {
            assertThat(expected.reason()).isNotNull();
        }
    }

    @Property
    void shouldRoundTripEveryValidReport(@ForAll("states") CallbackState state,
            @ForAll("printable") @StringLength(max = 255) String description,
            @ForAll("printable") @StringLength(max = 100) String context) {
        byte[] body = json(state.wireName(), description, context, "https://example.com/r/1");

        CallbackReport report = new CallbackParser().parse("application/json", body);

        assertThat(report.state()).isEqualTo(state);
        assertThat(report.description()).isEqualTo(description);
        assertThat(report.context()).isEqualTo(context);
        assertThat(report.targetUrl()).contains("https://example.com/r/1");
    }

    @Property
    void shouldRefuseEveryDescriptionLongerThanTheLimit(@ForAll("printable") @StringLength(min = 256, max = 600) String description)
            {
        byte[] body = json("success", description, "", "");

        try {
            new CallbackParser().parse("application/json", body);
            throw new AssertionError("accepted " + description.length() + " characters");
        } catch (InvalidCallbackException e) {
            assertThat(e.getMessage()).contains("\"description\" is " + description.length() + " characters long");
        }
    }

    @Property
    void shouldVerifyExactlyTheTokensItIssued(@ForAll @StringLength(min = 1, max = 80) String deliveryId,
            @ForAll @Size(value = 32) byte[] secret) {
        if (!isEncodable(deliveryId)) {
            return; // lone surrogates have no UTF-8 form; delivery ids never contain them
        }
        CallbackTokens tokens = new CallbackTokens(secret);
        String token = tokens.issue(deliveryId);

        assertThat(tokens.verify(token)).contains(deliveryId);
        assertThat(token).matches("[A-Za-z0-9_.-]+");
    }

    @Property
    void shouldRejectEverySingleCharacterChangeOfAToken(@ForAll @StringLength(min = 1, max = 40) String deliveryId,
            @ForAll("tokenChars") char replacement, @ForAll("fraction") double where) {
        if (!isEncodable(deliveryId)) {
            return;
        }
        byte[] secret = new byte[32];
        secret[0] = 1;
        CallbackTokens tokens = new CallbackTokens(secret);
        String token = tokens.issue(deliveryId);
        int index = (int) (where * token.length());
        if (token.charAt(index) == replacement) {
            return;
        }
        String tampered = token.substring(0, index) + replacement + token.substring(index + 1);

        // a changed last character may only flip padding bits that base64url decoding drops
        tokens.verify(tampered).ifPresent(id -> {
            assertThat(id).isEqualTo(deliveryId);
            assertThat(index).isIn(token.length() - 1, token.indexOf('.') - 1);
        });
    }

    @Provide
    Arbitrary<CallbackState> states() {
        return Arbitraries.of(CallbackState.class);
    }

    @Provide
    Arbitrary<String> printable() {
        return Arbitraries.strings().withCharRange(' ', '~').withCharRange('\u00a0', '\u024f')
                .withCharRange('\u4e00', '\u4e20');
    }

    @Provide
    Arbitrary<Character> tokenChars() {
        return Arbitraries.chars().with("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.".toCharArray());
    }

    @Provide
    Arbitrary<Double> fraction() {
        return Arbitraries.doubles().between(0, 1).filter(d -> d < 1);
    }

    @Provide
    Arbitrary<String> jsonish() {
        Arbitrary<String> pieces = Arbitraries.of("{", "}", "[", "]", ",", ":", "\"state\"", "\"success\"", "\"error\"",
                "\"description\"", "\"context\"", "\"target_url\"", "\"javascript:x\"", "\"https://a.b/\"", "null", "1",
                "true", "\"\\u0000\"", "\"\\ud800\"", " ", "\"x\"");
        return pieces.list().ofMaxSize(30).map(list -> String.join("", list));
    }

    private static boolean isEncodable(String s) {
        return StandardCharsets.UTF_8.newEncoder().canEncode(s);
    }

    private static byte[] json(String state, String description, String context, String targetUrl) {
        return JsonWriter.toBytes(false, writer -> writer.startObject()
                .field("state", state)
                .field("description", description)
                .field("context", context)
                .field("target_url", targetUrl)
                .endObject());
    }
}
