package io.jenkins.plugins.dockerbuildwebhooks.payload;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dockerbuildwebhooks.delivery.Delivery;
import io.jenkins.plugins.dockerbuildwebhooks.delivery.Endpoint;
import io.jenkins.plugins.dockerbuildwebhooks.image.BuiltImage;
import io.jenkins.plugins.dockerbuildwebhooks.json.JsonReader;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every format must do, whatever its wire shape: facts about a pushed tag in, messages out,
 * each one valid UTF-8 JSON with its Content-Type, written for its own delivery id, the same bytes
 * for the same facts, and sendable as a delivery; a tag the format cannot describe is refused with
 * a reason that names it. Format-specific content is checked by each format's own test and by the
 * third-party proofs (schemas, purl vectors, the CloudEvents SDK).
 */
class FormatContractTest {

    /** Every profile with every option it has. */
    static Stream<FormatOptions> formats() {
        List<FormatOptions> all = new ArrayList<>();
        for (PayloadProfile p : PayloadProfile.values()) {
            if (p == PayloadProfile.CDEVENTS) {
                for (CdEventsSpec spec : CdEventsSpec.values()) {
                    for (CloudEventsMode mode : CloudEventsMode.values()) {
                        all.add(new FormatOptions(p, spec, mode));
                    }
                }
            } else {
                all.add(FormatOptions.of(p));
            }
        }
        return all.stream();
    }

    private static PushedTag pushed(BuiltImage image) {
        return PushedTag.of(List.of(image), PayloadFixtures.clock()).get(0);
    }

    private static List<BuiltImage> images() {
        return List.of(PayloadFixtures.demoApp(), PayloadFixtures.multiPlatform(), PayloadFixtures.multiPlatformWithVariant());
    }

    @Test
    void shouldHaveAWriterForEveryProfile() {
        Set<PayloadProfile> written = EnumSet.noneOf(PayloadProfile.class);
        formats().forEach(f -> written.add(f.writer().profile()));

        assertThat(written).containsExactlyInAnyOrder(PayloadProfile.values());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void shouldWriteValidJsonWithItsContentTypeForEachOwnDeliveryId(FormatOptions format) throws Exception {
        for (BuiltImage image : images()) {
            List<String> issued = new ArrayList<>();
            java.util.function.Supplier<String> ids = PayloadFixtures.ids();
            Rendering r = format.writer().render(pushed(image), PayloadFixtures.facts(), () -> {
                String id = ids.get();
                issued.add(id);
                return id;
            });

            assertThat(r.isRefused()).as("%s refused %s: %s", format, image, r.refusal()).isFalse();
            assertThat(r.messages()).isNotEmpty();
            Set<String> ids2 = new HashSet<>();
            for (Message m : r.messages()) {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(m.body()));
                assertThat(JsonReader.parse(m.body(), "body")).isInstanceOf(java.util.Map.class);
                assertThat(m.contentType()).matches("application/(json|cloudevents\\+json|vnd\\.docker\\.distribution"
                        + "\\.events\\.v2\\+json)");
                assertThat(issued).as("each message is written for an id the caller issued").contains(m.deliveryId());
                assertThat(ids2.add(m.deliveryId())).as("one id per message").isTrue();
                assertThat(m.label()).startsWith(pushed(image).reference().toString());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void shouldWriteTheSameBytesForTheSameFactsAndIds(FormatOptions format) {
        PushedTag tag = pushed(PayloadFixtures.multiPlatform());

        List<Message> first = format.writer().render(tag, PayloadFixtures.facts(), PayloadFixtures.ids()).messages();
        List<Message> second = format.writer().render(tag, PayloadFixtures.facts(), PayloadFixtures.ids()).messages();

        assertThat(first).hasSameSizeAs(second);
        for (int i = 0; i < first.size(); i++) {
            assertThat(first.get(i).body()).isEqualTo(second.get(i).body());
            assertThat(first.get(i).headers()).isEqualTo(second.get(i).headers());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void shouldBeSendableAsDeliveriesThatKeepTheFormatsHeaders(FormatOptions format) {
        Endpoint endpoint = Endpoint.builder("http://127.0.0.1:9/hook").build();
        Rendering r = format.writer().render(pushed(PayloadFixtures.multiPlatform()), PayloadFixtures.facts(),
                PayloadFixtures.ids());

        for (Message m : r.messages()) {
            Delivery d = new Delivery(m.deliveryId(), endpoint, m.body(), m.headers());

            assertThat(d.body()).isEqualTo(m.body());
            assertThat(d.headers()).containsEntry(Message.CONTENT_TYPE, m.contentType());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void shouldRefuseATagWithoutRegistryDigestExactlyWhenTheFormatMustNameIt(FormatOptions format) {
        PushedTag tag = pushed(PayloadFixtures.notPushed());

        Rendering r = format.writer().render(tag, PayloadFixtures.facts(), PayloadFixtures.ids());

        if (format.profile().isDockerHub()) {
            assertThat(r.isRefused()).as("Docker Hub sends a payload without digest").isFalse();
        } else {
            assertThat(r.messages()).isEmpty();
            assertThat(r.refusal()).contains(tag.reference().toString(), "no registry digest");
            assertThat(r.refusal()).as("the CLI and the plugin both show it: no option of one of them")
                    .doesNotContain("--");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void shouldSayWhoPushedWhateverTheTextHolds(FormatOptions format) {
        String hostile = "al\"ice\\ \u0000\u2028 \ud800 \ud83d\ude00";
        PayloadFacts facts = PayloadFacts.builder(hostile).build();

        Rendering r = format.writer().render(pushed(PayloadFixtures.demoApp()), facts, PayloadFixtures.ids());

        Object json = JsonReader.parse(r.messages().get(0).body(), "body");
        assertThat(strings(json)).as("the pusher, unpaired surrogate replaced, everything else kept")
                .contains("al\"ice\\ \u0000\u2028 \ufffd \ud83d\ude00");
    }

    /** Every string value anywhere in a parsed JSON tree. */
    private static List<String> strings(Object json) {
        List<String> out = new ArrayList<>();
        if (json instanceof String s) {
            out.add(s);
        } else if (json instanceof java.util.Map<?, ?> m) {
            m.values().forEach(v -> out.addAll(strings(v)));
        } else if (json instanceof List<?> l) {
            l.forEach(v -> out.addAll(strings(v)));
        }
        return out;
    }
}
