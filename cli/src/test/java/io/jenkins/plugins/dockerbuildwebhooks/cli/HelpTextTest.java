package io.jenkins.plugins.dockerbuildwebhooks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Help is read one line at a time: the top-level {@code --help} shows only the first line of each
 * command's description, so every description line and every option's text must be a whole sentence.
 */
class HelpTextTest {

    @Test
    void shouldWriteEveryDescriptionLineAndOptionTextAsAWholeSentence() {
        List<String> cut = new ArrayList<>();
        CommandLine main = new CommandLine(new Main());
        List<CommandSpec> specs = new ArrayList<>();
        specs.add(main.getCommandSpec());
        main.getSubcommands().values().forEach(sub -> specs.add(sub.getCommandSpec()));
        for (CommandSpec spec : specs) {
            for (String line : spec.usageMessage().description()) {
                if (!line.replace("%n", "").strip().endsWith(".")) {
                    cut.add(spec.qualifiedName() + ": " + line);
                }
            }
            for (OptionSpec option : spec.options()) {
                String text = String.join(" ", option.description()).strip();
                if (!text.endsWith(".") && !text.endsWith(".)")) {
                    cut.add(spec.qualifiedName() + " " + option.longestName() + ": " + text);
                }
            }
        }

        assertThat(cut).as("help lines that stop mid-sentence").isEmpty();
    }

    @Test
    void shouldListEveryCommandWithASummaryThatEndsItsSentence() {
        String help = new CommandLine(new Main()).getUsageMessage(CommandLine.Help.Ansi.OFF);
        String commands = help.substring(help.indexOf("Commands:"));

        // a summary wraps onto indented lines; the last line of each must end the sentence
        List<String> summaries = new ArrayList<>();
        StringBuilder current = null;
        for (String line : commands.lines().skip(1).toList()) {
            if (line.startsWith("  ") && !line.startsWith("    ")) {
                if (current != null) {
                    summaries.add(current.toString());
                }
                current = new StringBuilder(line.strip());
            } else if (current != null) {
                current.append(' ').append(line.strip());
            }
        }
        summaries.add(String.valueOf(current));

        assertThat(summaries).hasSizeGreaterThanOrEqualTo(7).allSatisfy(s -> assertThat(s).endsWith("."));
    }
}
