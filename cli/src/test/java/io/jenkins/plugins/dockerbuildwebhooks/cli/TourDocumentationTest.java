package io.jenkins.plugins.dockerbuildwebhooks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/tour.md as a reader follows it: every block runs in a fresh shell, so every variable a
 * block uses is exported in that block before it is used; the example IDs are the same two in
 * every step; no alias is made that nothing uses. (That the commands' options exist is
 * {@link CliDocumentationTest}'s job.)
 */
class TourDocumentationTest {
    private static final Path TOUR = Paths.get(System.getProperty("user.dir")).resolve("../docs/tour.md");
    private static final Pattern BLOCK = Pattern.compile("```console\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern USE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern EXPORT = Pattern.compile("(?:^|\\s)([A-Za-z_][A-Za-z0-9_]*)=");
    private static final Pattern HEX64 = Pattern.compile("(?<![0-9a-f])[0-9a-f]{64}(?![0-9a-f])");

    /** The command lines of each console block (prompt removed, continuation lines joined, heredoc bodies dropped). */
    private static List<List<String>> blocks() throws Exception {
        List<List<String>> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(Files.readString(TOUR));
        while (m.find()) {
            List<String> commands = new ArrayList<>();
            String heredocEnd = null;
            StringBuilder pending = null;
            for (String line : m.group(1).split("\n")) {
                if (heredocEnd != null) {
                    heredocEnd = line.strip().equals(heredocEnd) ? null : heredocEnd;
                    continue;
                }
                if (pending == null && !(line.startsWith("$ ") || line.startsWith("# "))) {
                    continue; // output
                }
                String text = pending == null ? line.substring(2) : line;
                pending = pending == null ? new StringBuilder(text) : pending.append(' ').append(text.strip());
                if (text.endsWith("\\")) {
                    pending.setLength(pending.length() - 1);
                    continue;
                }
                String command = pending.toString();
                pending = null;
                commands.add(command);
                Matcher heredoc = Pattern.compile("<<-?'?([A-Za-z]+)'?").matcher(command);
                if (heredoc.find()) {
                    heredocEnd = heredoc.group(1);
                }
            }
            blocks.add(commands);
        }
        return blocks;
    }

    @Test
    void shouldExportEveryVariableABlockUsesInThatBlockBeforeItIsUsed() throws Exception {
        List<String> problems = new ArrayList<>();
        for (List<String> block : blocks()) {
            Set<String> defined = new LinkedHashSet<>();
            for (String command : block) {
                Matcher use = USE.matcher(command.replaceAll("'[^']*'", "''"));
                while (use.find()) {
                    if (!defined.contains(use.group(1)) && !"HOME".equals(use.group(1))) {
                        problems.add("$" + use.group(1) + " in `" + command + "` is not exported before it in its block");
                    }
                }
                if (command.startsWith("export ")) {
                    Matcher export = EXPORT.matcher(command.substring(7));
                    while (export.find()) {
                        defined.add(export.group(1));
                    }
                }
            }
        }
        assertThat(blocks()).hasSizeGreaterThan(5);
        assertThat(problems).isEmpty();
    }

    @Test
    void shouldShowTheSameImageIdAndDigestInEveryStep() throws Exception {
        Set<String> ids = new TreeSet<>();
        Matcher hex = HEX64.matcher(Files.readString(TOUR));
        while (hex.find()) {
            ids.add(hex.group());
        }

        assertThat(ids).as("one image ID and one registry digest throughout").hasSize(2);
    }

    @Test
    void shouldMakeNoAliasThatIsNotUsed() throws Exception {
        List<String> commands = blocks().stream().flatMap(List::stream).toList();
        for (String command : commands) {
            Matcher alias = Pattern.compile("^alias ([A-Za-z_-]+)=").matcher(command);
            if (alias.find()) {
                String name = alias.group(1);
                assertThat(commands).as("alias " + name + " is used").anyMatch(c -> c.startsWith(name + " "));
            }
        }
    }
}
