package io.jenkins.plugins.dockerbuildwebhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Jenkins renders every label of a resource bundle ({@code Messages.properties} and the views'
 * {@code .properties}) through {@link java.text.MessageFormat}, where a single {@code '} starts a
 * quoted section and disappears: "the Docker registry's envelope" showed as "registrys" on the
 * System page. An apostrophe is written {@code ''}.
 */
class ResourceBundleQuotesTest {
    private static final Path RESOURCES = Path.of("src", "main", "resources");

    @Test
    void shouldDoubleEveryApostropheInLabels() throws IOException {
        List<String> lone = new ArrayList<>();
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".properties")).toList()) {
                Properties labels = new Properties();
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    labels.load(in);
                }
                for (String key : labels.stringPropertyNames()) {
                    String withoutDoubled = labels.getProperty(key).replace("''", "");
                    if (withoutDoubled.contains("'")) {
                        lone.add(RESOURCES.relativize(file) + ": " + key);
                    }
                }
            }
        }
        assertThat(lone).as("labels with a lone ' (MessageFormat drops it; write '')").isEmpty();
    }

    @Test
    void shouldRenderADoubledApostropheAsOne() {
        assertThat(java.text.MessageFormat.format("the registry''s envelope", new Object[0])).isEqualTo("the registry's envelope");
        assertThat(java.text.MessageFormat.format("the registry's envelope", new Object[0])).isEqualTo("the registrys envelope");
    }
}
