package io.jenkins.plugins.dockerbuildwebhooks.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code docker-build-webhooks.jar}. */
@Command(
        name = "docker-build-webhooks",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Docker Hub style webhooks for the images a build produced.",
        subcommands = {PayloadCommand.class, ImagesCommand.class, SendCommand.class, RedeliverCommand.class,
            ReceiveCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code; used by tests that run it in process. */
    public static int run(String... args) {
        return Cli.commandLine(new Main()).execute(args);
    }
}
