package io.jenkins.plugins.dockerbuildwebhooks.payload;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dockerbuildwebhooks.json.JsonObject;
import io.jenkins.plugins.dockerbuildwebhooks.json.JsonReader;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class PayloadEncodingPropertiesTest {

    @Property(tries = 500)
    void shouldAlwaysWriteValidUtf8JsonThatKeepsTheText(@ForAll("hostileText") String dockerfile,
            @ForAll("hostileText") String description, @ForAll("hostileText") String pusher) throws Exception {
        PayloadFacts facts = PayloadFacts.builder("x" + pusher).dockerfile(dockerfile).description(description).build();
        Payload payload = new PayloadFactory(PayloadFixtures.clock())
                .create(List.of(PayloadFixtures.demoApp()), facts).get(0);

        for (PayloadProfile profile : List.of(PayloadProfile.DOCKER_HUB, PayloadProfile.DOCKER_HUB_LEGACY)) {
            byte[] bytes = PayloadWriter.toBytes(payload, profile);

            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            JsonObject repository = JsonReader.parseObject(bytes, "payload").object("repository");
            assertThat(repository.string("dockerfile")).isEqualTo(wellFormed(dockerfile));
            assertThat(repository.string("description")).isEqualTo(wellFormed(description));
        }
    }

    /** What survives UTF-8: unpaired surrogates become U+FFFD. */
    private static String wellFormed(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append('\uFFFD');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    @Provide
    Arbitrary<String> hostileText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(200),
                Arbitraries.strings().withChars("\"\\\u0000\u0001\u001f\u007f\t\n\r/<>&'\u2028\u2029\ud800\udc00\ufeff")
                        .ofMaxLength(60),
                Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMinLength(1000).ofMaxLength(5000));
    }
}
