package io.jenkins.plugins.dockerbuildwebhooks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** docs/cli.md documents every subcommand and every option the jar has. */
class CliDocumentationTest {
    private static final Path CLI_MD = Paths.get(System.getProperty("user.dir")).resolve("../docs/cli.md");

    @Test
    void shouldDocumentEverySubcommandAndOption() throws Exception {
        String doc = Files.readString(CLI_MD, StandardCharsets.UTF_8);
        List<String> missing = new ArrayList<>();
        CommandLine main = new CommandLine(new Main());
        main.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandSpec().userObject() instanceof CommandLine.HelpCommand) {
                return;
            }
            if (!doc.contains("## `" + name + "`")) {
                missing.add("section ## `" + name + "`");
            }
            for (OptionSpec option : sub.getCommandSpec().options()) {
                if (option.usageHelp() || option.versionHelp()) {
                    continue;
                }
                if (!doc.contains("`" + option.longestName())) {
                    missing.add(name + " " + option.longestName());
                }
            }
        });

        assertThat(missing).as("documented in " + CLI_MD.normalize()).isEmpty();
    }
}
