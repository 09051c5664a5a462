package io.jenkins.plugins.dockerbuildwebhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Rules for every Jelly view that the type-check and the page tests cannot see: escaping, Jenkins'
 * Content-Security-Policy rules and translatable labels. Runs without Jenkins (the module
 * directory is the working directory under Maven).
 */
class JellyFilesTest {
    private static final Path RESOURCES = Path.of("src", "main", "resources");
    /**
     * {@code ${%Text (more)}}: Stapler parses "(more)" as message arguments (JEXL expressions). Our
     * views pass arguments only as properties of a variable ({@code it.failedCount}), so an argument
     * without a dot is a label's parenthesis that belongs in the view's properties file.
     */
    private static final Pattern I18N_ARGUMENTS = Pattern.compile("\\$\\{%[^}(]*\\(([^)]*)\\)");
    /** Attributes a user reads: their text must come from a resource bundle. */
    private static final Set<String> LABEL_ATTRIBUTES =
            Set.of("title", "header", "add", "progress", "description", "placeholder", "alt", "tooltip", "value");
    /** Elements whose {@code value} is data, not a label. */
    private static final Set<String> VALUE_IS_DATA = Set.of("input", "set", "option", "hidden");
    /** Developer documentation of a tag library, never shown to users. */
    private static final Set<String> NOT_SHOWN = Set.of("documentation");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{[^}]*}");

    static List<Path> jellyFiles() throws IOException {
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

    private static Element parse(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
        } catch (Exception e) {
            throw new AssertionError(file + " is not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static List<Element> elements(Element root) {
        List<Element> all = new ArrayList<>();
        collect(root, all);
        return all;
    }

    private static void collect(Element element, List<Element> all) {
        all.add(element);
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                collect(e, all);
            }
        }
    }

    private static List<String> labelParentheses(String view) {
        List<String> found = new ArrayList<>();
        Matcher m = I18N_ARGUMENTS.matcher(view);
        while (m.find()) {
            for (String argument : m.group(1).split(",")) {
                if (!argument.contains(".")) {
                    found.add(m.group());
                }
            }
        }
        return found;
    }

    /** True when text shows words to a user that do not come from a resource bundle. */
    private static boolean hasLiteralWords(String text) {
        return EXPRESSION.matcher(text).replaceAll("").codePoints().anyMatch(Character::isLetter);
    }

    @Test
    void shouldEscapeByDefaultInEveryView() throws IOException {
        assertThat(jellyFiles()).hasSizeGreaterThan(7).allSatisfy(file -> assertThat(read(file))
                .as(file.toString()).startsWith("<?jelly escape-by-default='true'?>"));
    }

    @Test
    void shouldKeepNonArgumentParenthesesOutOfLocalizedText() throws IOException {
        assertThat(jellyFiles()).allSatisfy(file -> assertThat(labelParentheses(read(file)))
                .as("%s has ${%%...(...)} with text in the parentheses, which Stapler reads as message arguments", file)
                .isEmpty());
    }

    @Test
    void shouldFollowTheContentSecurityPolicyRules() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : jellyFiles()) {
            for (Element e : elements(parse(file))) {
                String name = e.getLocalName();
                if (name.equals("script") && !e.hasAttribute("src")) {
                    violations.add(file + ": inline <script> (use an adjunct or a script file)");
                }
                NamedNodeMap attributes = e.getAttributes();
                for (int i = 0; i < attributes.getLength(); i++) {
                    Attr a = (Attr) attributes.item(i);
                    String attribute = a.getLocalName() == null ? a.getName() : a.getLocalName();
                    if (attribute.toLowerCase().startsWith("on")) {
                        violations.add(file + ": <" + name + " " + attribute + "> (an inline event handler)");
                    }
                    if (a.getValue().trim().toLowerCase().startsWith("javascript:")) {
                        violations.add(file + ": <" + name + " " + attribute + "=\"javascript:…\">");
                    }
                }
                if (e.hasAttribute("checkUrl") && !e.hasAttribute("checkDependsOn")) {
                    violations.add(file + ": <" + name + "> has checkUrl without checkDependsOn");
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void shouldTakeEveryLabelFromAResourceBundle() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : jellyFiles()) {
            for (Element e : elements(parse(file))) {
                if (NOT_SHOWN.contains(e.getLocalName())) {
                    continue;
                }
                for (Node child = e.getFirstChild(); child != null; child = child.getNextSibling()) {
                    if (child.getNodeType() == Node.TEXT_NODE && hasLiteralWords(child.getNodeValue())
                            && !insideNotShown(e)) {
                        violations.add(file + ": text \"" + child.getNodeValue().strip() + "\" in <" + e.getLocalName() + ">");
                    }
                }
                for (String attribute : LABEL_ATTRIBUTES) {
                    if (attribute.equals("value") && VALUE_IS_DATA.contains(e.getLocalName())) {
                        continue;
                    }
                    if (e.hasAttribute(attribute) && hasLiteralWords(e.getAttribute(attribute))) {
                        violations.add(file + ": " + attribute + "=\"" + e.getAttribute(attribute) + "\" on <"
                                + e.getLocalName() + ">");
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    private static boolean insideNotShown(Element e) {
        for (Node n = e; n instanceof Element el; n = n.getParentNode()) {
            if (NOT_SHOWN.contains(el.getLocalName())) {
                return true;
            }
        }
        return false;
    }

    @Test
    void shouldCatchWhatTheRulesAreFor() {
        // The checks themselves: a literal label is found, a localized one and pure data are not.
        assertThat(hasLiteralWords("Send")).isTrue();
        assertThat(hasLiteralWords("${%Send}")).isFalse();
        assertThat(hasLiteralWords(" ${d.status == 0 ? '' : d.status} ")).isFalse();
        assertThat(hasLiteralWords("${%counts(a, b)} – ")).isFalse();
        assertThat(labelParentheses("${%Wait time (seconds)}")).hasSize(1);
        assertThat(labelParentheses("${%counts(it.deliveredCount, it.failedCount)}")).isEmpty();
    }
}
