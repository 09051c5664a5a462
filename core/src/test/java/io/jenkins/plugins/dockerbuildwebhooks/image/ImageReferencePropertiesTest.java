package io.jenkins.plugins.dockerbuildwebhooks.image;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ImageReferencePropertiesTest {

    @Property(tries = 2000)
    void shouldRoundTripEveryValidReference(@ForAll("references") String text) {
        ImageReference parsed = ImageReference.parse(text);

        ImageReference again = ImageReference.parse(parsed.canonical());

        assertThat(again).isEqualTo(ImageReference.parse(parsed.repository().fullName() + ":" + parsed.tag()
                + parsed.digest().map(d -> "@" + d).orElse("")));
        assertThat(again.canonical()).isEqualTo(parsed.canonical());
        assertThat(ImageReference.parse(parsed.familiar()).repository()).isEqualTo(parsed.repository());
    }

    @Property(tries = 5000)
    void shouldThrowNothingButTheDocumentedException(@ForAll("noise") String text) {
        try {
            ImageReference reference = ImageReference.parse(text);
            assertThat(reference.canonical()).isNotEmpty();
        } catch (InvalidReferenceException e) {
            assertThat(e.getMessage()).startsWith("invalid image reference \"").doesNotContain("\n");
        }
    }

    @Property(tries = 3000)
    void shouldAcceptOnlyWellFormedDigestsAndIds(@ForAll("noise") String text) {
        try {
            Digest digest = Digest.parse(text);
            assertThat(digest.toString()).isEqualTo(text);
            assertThat(Digest.isValid(text)).isTrue();
        } catch (InvalidReferenceException e) {
            assertThat(Digest.isValid(text)).isFalse();
        }
        try {
            ImageId id = ImageId.parse(text);
            assertThat(id.hex()).matches("[0-9a-f]{10,64}");
        } catch (InvalidReferenceException e) {
            assertThat(e.getMessage()).startsWith("invalid image ID");
        }
    }

    @Provide
    Arbitrary<String> references() {
        Arbitrary<String> alnum = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789").ofMinLength(1).ofMaxLength(6);
        Arbitrary<String> separator = Arbitraries.of(".", "_", "__", "-", "---");
        Arbitrary<String> component = Combinators.combine(alnum, separator, alnum, Arbitraries.of(true, false))
                .as((a, s, b, join) -> join ? a + s + b : a);
        Arbitrary<String> path = component.list().ofMinSize(1).ofMaxSize(3).map(l -> String.join("/", l));
        Arbitrary<String> domain = Arbitraries.of("", "localhost/", "localhost:5000/", "registry.example.com/",
                "docker.io/", "index.docker.io/", "127.0.0.1:8080/", "[::1]:5000/", "My.Registry:443/");
        Arbitrary<String> tag = Arbitraries.strings().withChars("abcXYZ019_.-").ofMinLength(0).ofMaxLength(20)
                .map(t -> t.isEmpty() ? "" : ":v" + t);
        Arbitrary<String> digest = Arbitraries.strings().withChars("0123456789abcdef").ofLength(64)
                .injectNull(0.7).map(h -> h == null ? "" : "@sha256:" + h);
        return Combinators.combine(domain, path, tag, digest).as((d, p, t, g) -> d + p + t + g)
                .filter(s -> s.length() < 200);
    }

    @Provide
    Arbitrary<String> noise() {
        Arbitrary<String> random = Arbitraries.strings().all().ofMaxLength(80);
        Arbitrary<String> nearMiss = references().map(s -> s.replace('a', 'A'))
                .injectDuplicates(0.1);
        Arbitrary<String> mutated = Combinators.combine(references(), Arbitraries.integers().between(0, 60),
                Arbitraries.chars().all()).as((s, i, c) -> {
                    int at = Math.min(i, s.length());
                    return s.substring(0, at) + c + s.substring(at);
                });
        Arbitrary<String> digests = Arbitraries.strings().withChars("0123456789abcdefABCDEF:sha25").ofMaxLength(75);
        return Arbitraries.oneOf(random, nearMiss, mutated, digests);
    }
}
