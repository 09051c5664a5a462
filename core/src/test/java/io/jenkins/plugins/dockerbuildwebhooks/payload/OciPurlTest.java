package io.jenkins.plugins.dockerbuildwebhooks.payload;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.packageurl.PackageURL;
import io.jenkins.plugins.dockerbuildwebhooks.image.BuiltImage;
import io.jenkins.plugins.dockerbuildwebhooks.image.PlatformManifest;
import io.jenkins.plugins.dockerbuildwebhooks.json.JsonObject;
import io.jenkins.plugins.dockerbuildwebhooks.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * {@code subject.id} against third parties: the purl-spec OCI vectors build through our builder to
 * their canonical strings, and every purl a CDEvent carries is parsed by packageurl-java into the
 * parts it was built from. (packageurl-java 1.5.0, the newest on Maven Central, still writes
 * {@code :} as {@code %3A} when it canonicalizes; the vectors, which are the standard, keep it, so
 * the library is held to meaning, the vectors to the exact string.)
 */
class OciPurlTest {

    static Stream<JsonObject> vectors() throws IOException {
        try (InputStream in = OciPurlTest.class.getResourceAsStream("/standards/purl/oci-test.json")) {
            return JsonReader.parseObject(in.readAllBytes(), "oci-test.json").objects("tests").stream();
        }
    }

    static Stream<JsonObject> buildVectors() throws IOException {
        return vectors().filter(t -> t.string("test_type").equals("build"));
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("buildVectors")
    void shouldBuildTheCanonicalFormOfEveryOciBuildVector(JsonObject vector) {
        JsonObject input = vector.object("input");
        Map<String, String> qualifiers = new TreeMap<>();
        input.optObject("qualifiers").ifPresent(q -> q.keys().forEach(k -> qualifiers.put(k, q.string(k))));

        String built = OciPurl.build(input.string("name"), input.optString("version").orElse(null), qualifiers);

        assertThat(built).isEqualTo(vector.string("expected_output"));
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("vectors")
    void shouldReadEveryVectorAsTheSpecSaysWithPackageurlJava(JsonObject vector) throws Exception {
        // proves the library the next tests rely on reads the vectors' strings as the spec means them
        if (vector.string("test_type").equals("parse")) {
            PackageURL purl = new PackageURL(vector.string("input"));
            JsonObject expected = vector.object("expected_output");
            assertThat(purl.getName()).isEqualTo(expected.string("name"));
            assertThat(purl.getVersion()).isEqualTo(expected.string("version"));
            Map<String, String> qualifiers = new TreeMap<>();
            expected.object("qualifiers").keys().forEach(k -> qualifiers.put(k, expected.object("qualifiers").string(k)));
            assertThat(purl.getQualifiers()).isEqualTo(qualifiers);
        } else if (vector.string("test_type").equals("validate")) {
            assertThat(new PackageURL(vector.string("expected_output"))).isEqualTo(new PackageURL(vector.string("input")));
        }
    }

    static List<String> emittedSubjects() {
        List<String> subjects = new ArrayList<>();
        for (BuiltImage image : List.of(PayloadFixtures.demoApp(), PayloadFixtures.multiPlatform(),
                PayloadFixtures.multiPlatformWithVariant())) {
            for (PushedTag tag : PushedTag.of(List.of(image), PayloadFixtures.clock())) {
                for (Message m : FormatOptions.parse("cdevents", null, null).writer()
                        .render(tag, PayloadFixtures.facts(), PayloadFixtures.ids()).messages()) {
                    subjects.add(m.headers().get("ce-subject"));
                }
            }
        }
        return subjects;
    }

    @Test
    void shouldEmitCanonicalOciPurlsThatARealLibraryParses() throws Exception {
        List<String> subjects = emittedSubjects();

        assertThat(subjects).hasSize(2 + 3 + 3);
        for (String s : subjects) {
            PackageURL purl = new PackageURL(s);
            assertThat(purl.getType()).isEqualTo("oci");
            assertThat(purl.getNamespace()).as("oci purls have no namespace").isNull();
            assertThat(purl.getVersion()).matches("sha256:[0-9a-f]{64}");
            assertThat(purl.getQualifiers()).containsKey("repository_url");
            assertThat(new PackageURL(purl.canonicalize())).as("the library's canonical form means the same").isEqualTo(purl);
            Map<String, String> qualifiers = new TreeMap<>(purl.getQualifiers());
            assertThat(OciPurl.build(purl.getName(), purl.getVersion(), qualifiers))
                    .as("our canonical form of what the library read is the string itself").isEqualTo(s);
        }
    }

    @Test
    void shouldQualifyPlatformEventsWithArchOsAndVariantAndOnlyTheIndexWithTheTag() throws Exception {
        BuiltImage image = PayloadFixtures.multiPlatformWithVariant();
        PushedTag tag = PushedTag.of(List.of(image), PayloadFixtures.clock()).get(0);
        List<Message> messages = FormatOptions.parse("cdevents", null, null).writer()
                .render(tag, PayloadFixtures.facts(), PayloadFixtures.ids()).messages();

        PlatformManifest arm = image.platforms().get(1);
        PackageURL armPurl = new PackageURL(messages.get(1).headers().get("ce-subject"));
        assertThat(armPurl.getVersion()).isEqualTo(arm.digest().toString());
        assertThat(armPurl.getQualifiers()).containsEntry("arch", "arm").containsEntry("os", "linux")
                .containsEntry("variant", "v7").doesNotContainKey("tag");
        PackageURL index = new PackageURL(messages.get(2).headers().get("ce-subject"));
        assertThat(index.getName()).isEqualTo("mp-np");
        assertThat(index.getVersion()).isEqualTo(image.registryDigest().orElseThrow().toString());
        assertThat(index.getQualifiers()).containsEntry("repository_url", "localhost:5000/demo/mp-np")
                .containsEntry("tag", "2.0").doesNotContainKey("arch");
    }
}
