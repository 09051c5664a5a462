package io.jenkins.plugins.dockerbuildwebhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rules for every Jelly view that the type-check cannot see; runs without Jenkins (the module
 * directory is the working directory under Maven).
 */
class JellyFilesTest {
    private static final Path RESOURCES = Path.of("src", "main", "resources");
    /** {@code ${%Text (more)}}: Stapler parses "(more)" as message arguments (JEXL expressions). */
    private static final Pattern I18N_WITH_PARENTHESES = Pattern.compile("\\$\\{%[^}]*\\(");

    private static List<Path> jellyFiles() throws IOException {
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            return files.filter(p -> p.toString().endsWith(".jelly")).sorted().toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void shouldEscapeByDefaultInEveryView() throws IOException {
        assertThat(jellyFiles()).hasSizeGreaterThan(7).allSatisfy(file -> assertThat(read(file))
                .as(file.toString()).startsWith("<?jelly escape-by-default='true'?>"));
    }

    @Test
    void shouldKeepParenthesesOutOfLocalizedText() throws IOException {
        assertThat(jellyFiles()).allSatisfy(file -> assertThat(I18N_WITH_PARENTHESES.matcher(read(file)).find())
                .as("%s has ${%%...(...)}, which Stapler reads as message arguments", file).isFalse());
    }
}
