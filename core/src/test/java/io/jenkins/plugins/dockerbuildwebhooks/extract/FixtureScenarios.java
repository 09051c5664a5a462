package io.jenkins.plugins.dockerbuildwebhooks.extract;

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
                out.add(new Scenario(s.string("id"), s.strings("args"), expected(s.object("expected"))));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** repository → "tags imageId digest", order-free. */
    static Map<String, String> expected(JsonObject expected) {
        Map<String, String> out = new TreeMap<>();
        for (JsonObject image : expected.objects("images")) {
            out.put(image.string("repository"), new TreeSet<>(image.strings("tags")) + " "
                    + image.optString("imageId").orElse("null") + " " + image.optString("digest").orElse("null"));
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
                + b.registryDigest().map(Object::toString).orElse("null")));
        return out;
    }

    record Scenario(String id, List<String> args, Map<String, String> expected) {
        @Override
        public String toString() {
            return id;
        }
    }
}
