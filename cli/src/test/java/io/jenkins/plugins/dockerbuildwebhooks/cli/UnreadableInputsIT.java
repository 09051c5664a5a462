package io.jenkins.plugins.dockerbuildwebhooks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Input files that exist but cannot be read. File modes do not stop root, and the tests (and CI)
 * run as root: then the jar runs as the unprivileged user 65534 (nobody) through util-linux's
 * {@code setpriv}, so a mode of 000 means what it means for a user. As any other user the jar runs
 * as that user.
 */
class UnreadableInputsIT {
    private static final String NOBODY = "65534";
    private static List<String> prefix;
    /**
     * Where the unprivileged user works: a folder of its own under /tmp holding a copy of the jar
     * and the test files, because the checkout (and target/test-tmp in it) may sit below a folder
     * only root may enter, as a fresh clone in a mktemp folder does.
     */
    private static Path base;

    @BeforeAll
    static void unprivileged() throws Exception {
        int uid = (Integer) Files.getAttribute(Paths.get("/proc/self"), "unix:uid");
        base = TmpFolders.create("dbw-unreadable-");
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.copy(CliProcess.jar(), base.resolve("docker-build-webhooks.jar"));
        Path tmp = Files.createDirectory(base.resolve("tmp"));
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxrwxrwx"));
        if (uid != 0) {
            prefix = List.of();
            return;
        }
        Path setpriv = Paths.get("/usr/bin/setpriv");
        EndToEnd.require(Files.isExecutable(setpriv), "/usr/bin/setpriv is missing (Debian package util-linux); "
                + "as root a file's mode does not stop reading it, so the jar must run as an unprivileged user");
        prefix = List.of(setpriv.toString(), "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--");
        CliProcess.Result probe = CliProcess.runCommand(command("--version"));
        EndToEnd.require(probe.exitCode() == 0, "user " + NOBODY + " cannot run the jar copied to " + base + ": "
                + probe.stderr().strip());
    }

    @AfterAll
    static void removeTheFolder() throws IOException {
        if (base == null) {
            return;
        }
        TmpFolders.deleteTree(base);
    }

    private static List<String> command(String... args) {
        return CliProcess.command(prefix, base.resolve("docker-build-webhooks.jar"), base.resolve("tmp"), args);
    }

    /** A fresh folder for one test, inside {@link #base}. */
    private static Path folder() throws IOException {
        Path dir = Files.createTempDirectory(base, "case-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir;
    }

    /** A folder the unprivileged user may enter, with the file in it at mode 000. */
    private static Path unreadable(Path dir, String name) throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path file = Files.writeString(dir.resolve(name), "content that must not be read\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        return file;
    }

    private static CliProcess.Result run(String commandLine, Path file) throws Exception {
        List<String> args = new ArrayList<>();
        for (String word : commandLine.split(" ")) {
            args.add("F".equals(word) ? file.toString() : word);
        }
        return CliProcess.runCommand(command(args.toArray(String[]::new)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "images --log F|--log",
        "images --iidfile F|--iidfile",
        "images --metadata-file F|--metadata-file",
        "images --digestfile F|--digestfile",
        "images --inspect F|--inspect",
        "payload --image a/b --dockerfile F|--dockerfile",
        "send --log F --url http://127.0.0.1:9/|--log",
        "send --image a/b --url http://127.0.0.1:9/ --journal F|--journal",
        "redeliver --journal F|--journal",
        "redeliver --journal F --compact|--journal",
    })
    void shouldSayTheFileCannotBeReadWithExitCode2(String commandLine, String option) throws Exception {
        Path dir = folder();
        Path file = unreadable(dir, "input.txt");

        CliProcess.Result result = run(commandLine, file);

        assertThat(result.exitCode()).as(result.stderr()).isEqualTo(2);
        assertThat(result.stderr().strip()).isEqualTo(commandLine.split(" ")[0] + ": " + option + " " + file
                + ": cannot be read (permission denied)");
        assertThat(result.stdout()).isEmpty();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(file)).as("left as it was").isEqualTo("content that must not be read\n");
    }

    @Test
    void shouldNotCallAFileInAFolderItCannotEnterMissing() throws Exception {
        Path dir = folder();
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Path log = Files.writeString(locked.resolve("build.log"), "#1 DONE 0.0s\n");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));

        CliProcess.Result result = run("images --log F", log);

        assertThat(result.exitCode()).as(result.stderr()).isEqualTo(2);
        assertThat(result.stderr()).contains("--log " + log + ": cannot be read (permission denied")
                .doesNotContain("no such file");
    }

    @Test
    void shouldRefuseAJournalItCanReadButNotWrite() throws Exception {
        Path dir = folder();
        Path journal = unreadable(dir, "deliveries.jsonl");
        Files.setPosixFilePermissions(journal, PosixFilePermissions.fromString("r--r--r--"));

        CliProcess.Result result = run("send --image a/b --url http://127.0.0.1:9/ --journal F", journal);

        assertThat(result.exitCode()).as(result.stderr()).isEqualTo(2);
        assertThat(result.stderr()).contains("--journal " + journal + ": cannot be written (permission denied)");
    }
}
