package io.jenkins.plugins.dockerbuildwebhooks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * docs/cli.md and the program agree: every option a command's {@code --help} lists is in that
 * command's section (or the image source section it shares), every option a section's tables name
 * exists on that command, and every command line in the examples uses only options its command has.
 */
class CliDocumentationTest {
    private static final Path CLI_MD = Paths.get(System.getProperty("user.dir")).resolve("../docs/cli.md");
    private static final Pattern OPTION = Pattern.compile("(?<![\\w-])--[a-z][a-z0-9-]*");
    private static final Pattern JAR_RUN = Pattern.compile("docker-build-webhooks(?:\\.jar)? ([a-z]+)((?:[^\\n]|\\\\\\n)*)");
    private static final String SOURCES = "Image source options";

    private static Map<String, CommandLine> commands() {
        Map<String, CommandLine> commands = new LinkedHashMap<>();
        new CommandLine(new Main()).getSubcommands().forEach((name, sub) -> {
            if (!(sub.getCommandSpec().userObject() instanceof CommandLine.HelpCommand)) {
                commands.put(name, sub);
            }
        });
        return commands;
    }

    /** The text under each {@code ## } heading, keyed by the heading. */
    private static Map<String, String> sections(String doc) {
        Map<String, String> sections = new LinkedHashMap<>();
        String[] parts = doc.split("(?m)^## ");
        for (int i = 1; i < parts.length; i++) {
            int end = parts[i].indexOf('\n');
            sections.put(parts[i].substring(0, end).strip(), parts[i].substring(end + 1));
        }
        return sections;
    }

    private static String sourcesSection(Map<String, String> sections) {
        return sections.entrySet().stream().filter(e -> e.getKey().startsWith(SOURCES)).map(Map.Entry::getValue)
                .findFirst().orElse("");
    }

    private static Set<String> options(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = OPTION.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    private static Set<String> realOptions(CommandLine command) {
        Set<String> names = new TreeSet<>();
        for (OptionSpec option : command.getCommandSpec().options()) {
            for (String name : option.names()) {
                if (name.startsWith("--")) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    private static boolean takesImageSources(CommandLine command) {
        return command.getCommandSpec().findOption("--iidfile") != null;
    }

    @Test
    void shouldDocumentEveryOptionThatHelpListsInTheCommandsSection() throws Exception {
        Map<String, String> sections = sections(Files.readString(CLI_MD, StandardCharsets.UTF_8));
        List<String> missing = new ArrayList<>();
        commands().forEach((name, command) -> {
            String section = sections.get("`" + name + "`");
            if (section == null) {
                missing.add("section ## `" + name + "`");
                return;
            }
            String text = section + (takesImageSources(command) ? sourcesSection(sections) : "");
            Set<String> inHelp = options(command.getUsageMessage(CommandLine.Help.Ansi.OFF));
            inHelp.removeAll(Set.of("--help", "--version"));
            for (String option : inHelp) {
                if (!options(text).contains(option)) {
                    missing.add(name + " " + option);
                }
            }
        });

        assertThat(missing).as("listed by --help but not documented in " + CLI_MD.normalize()).isEmpty();
    }

    @Test
    void shouldNameOnlyOptionsThatExistInEachCommandsTables() throws Exception {
        Map<String, String> sections = sections(Files.readString(CLI_MD, StandardCharsets.UTF_8));
        Map<String, CommandLine> commands = commands();
        List<String> unknown = new ArrayList<>();
        sections.forEach((heading, text) -> {
            List<CommandLine> owners = new ArrayList<>();
            if (heading.startsWith(SOURCES)) {
                commands.values().stream().filter(CliDocumentationTest::takesImageSources).forEach(owners::add);
            } else if (heading.startsWith("`") && commands.containsKey(heading.replace("`", ""))) {
                owners.add(commands.get(heading.replace("`", "")));
            } else {
                return;
            }
            // a table row's first cell is the claim "this command has these options"
            for (String line : text.lines().filter(l -> l.startsWith("| `-")).toList()) {
                String firstCell = line.substring(1, line.indexOf('|', 1));
                for (String option : options(firstCell)) {
                    for (CommandLine owner : owners) {
                        if (!realOptions(owner).contains(option)) {
                            unknown.add(heading + ": " + owner.getCommandName() + " has no " + option);
                        }
                    }
                }
            }
        });

        assertThat(unknown).as("documented in " + CLI_MD.normalize() + " but not in the program").isEmpty();
    }

    @Test
    void shouldUseOnlyRealOptionsInTheExamples() throws Exception {
        Map<String, CommandLine> commands = commands();
        List<String> wrong = new ArrayList<>();
        for (Path doc : List.of(CLI_MD, CLI_MD.resolveSibling("tour.md"), CLI_MD.resolveSibling("../README.md"))) {
            Matcher run = JAR_RUN.matcher(Files.readString(doc, StandardCharsets.UTF_8));
            while (run.find()) {
                CommandLine command = commands.get(run.group(1));
                if (command == null) {
                    continue; // "docker-build-webhooks" in prose, not a command line
                }
                for (String option : options(run.group(2))) {
                    if (!realOptions(command).contains(option)) {
                        wrong.add(doc.getFileName() + ": " + run.group(1) + " " + option);
                    }
                }
            }
        }

        assertThat(wrong).as("example command lines using options the command lacks").isEmpty();
    }
}
