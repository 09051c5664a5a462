package io.jenkins.plugins.dockerbuildwebhooks.extract;

import io.jenkins.plugins.dockerbuildwebhooks.image.BuiltImage;
import io.jenkins.plugins.dockerbuildwebhooks.json.JsonObject;
import io.jenkins.plugins.dockerbuildwebhooks.json.JsonReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** The scenarios of {@code fixtures/docker/expected.json}, and the argument mapping {@code images} uses. */
final class FixtureScenarios {
    private FixtureScenarios() {}

    static Path folder() {
        try {
            return Paths.get(FixtureScenarios.class.getResource("/fixtures/docker/expected.json").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Scenario> all() {
        try {
            JsonObject root = JsonReader.parseObject(Files.readAllBytes(folder().resolve("expected.json")), "expected.json");
            List<Scenario> out = new ArrayList<>();
            for (JsonObject s : root.objects("scenarios")) {
                out.add(new Scenario(s.string("id"), s.strings("args"), expected(s.object("expected")),
                        expectedManifests(s.object("expected"))));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** repository → "tags imageId digest [platforms]", order-free but for the platforms' index order. */
    static Map<String, String> expected(JsonObject expected) {
        Map<String, String> out = new TreeMap<>();
        for (JsonObject image : expected.objects("images")) {
            List<String> platforms = new ArrayList<>();
            if (image.has("platforms")) {
                for (JsonObject p : image.objects("platforms")) {
                    platforms.add(p.string("platform") + "@" + p.string("digest"));
                }
            }
            out.put(image.string("repository"), new TreeSet<>(image.strings("tags")) + " "
                    + image.optString("imageId").orElse("null") + " " + image.optString("digest").orElse("null")
                    + (platforms.isEmpty() ? "" : " " + platforms));
        }
        return out;
    }

    /** repository → "mediaType size", for the entries that give them. */
    static Map<String, String> expectedManifests(JsonObject expected) {
        Map<String, String> out = new TreeMap<>();
        for (JsonObject image : expected.objects("images")) {
            if (image.has("mediaType")) {
                out.put(image.string("repository"), image.string("mediaType") + " " + image.optLong("size").orElse(-1L));
            }
        }
        return out;
    }

    /** The option names of {@code images}, mapped onto {@link ImageInputs} as the CLI maps them. */
    static ImageInputs inputs(List<String> args) {
        ImageInputs inputs = new ImageInputs();
        for (int i = 0; i < args.size(); i += 2) {
            String value = args.get(i + 1);
            switch (args.get(i)) {
                case "--log" -> inputs.log(value);
                case "--iidfile" -> inputs.iidFile(Path.of(value));
                case "--metadata-file" -> inputs.metadataFile(Path.of(value));
                case "--digestfile" -> inputs.digestFile(Path.of(value));
                case "--inspect" -> inputs.inspect(Path.of(value));
                case "--manifest" -> inputs.manifestFile(Path.of(value));
                case "--image" -> inputs.image(value);
                default -> throw new IllegalArgumentException("unknown option in a scenario: " + args.get(i));
            }
        }
        return inputs;
    }

    static Map<String, String> actual(CollectedImages result) {
        Map<String, String> out = new TreeMap<>();
        result.images().forEach(b -> out.put(b.repository().familiarName(), new TreeSet<>(b.tags()) + " "
                + b.imageId().map(Object::toString).orElse("null") + " "
                + b.registryDigest().map(Object::toString).orElse("null")
                + (b.platforms().isEmpty() ? "" : " " + b.platforms().stream()
                        .map(p -> p.platform() + "@" + p.digest()).toList())));
        return out;
    }

    /** repository → "mediaType size" of the images named in {@code wanted}. */
    static Map<String, String> actualManifests(CollectedImages result, Map<String, String> wanted) {
        Map<String, String> out = new TreeMap<>();
        for (BuiltImage b : result.images()) {
            String name = b.repository().familiarName();
            if (wanted.containsKey(name)) {
                out.put(name, b.manifest().map(m -> m.mediaType() + " " + m.size()).orElse("none"));
            }
        }
        return out;
    }

    record Scenario(String id, List<String> args, Map<String, String> expected, Map<String, String> manifests) {
        @Override
        public String toString() {
            return id;
        }
    }
}
