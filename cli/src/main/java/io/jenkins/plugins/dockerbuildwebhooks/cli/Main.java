package io.jenkins.plugins.dockerbuildwebhooks.cli;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code docker-build-webhooks.jar}. */
@Command(
        name = Main.NAME,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Docker Hub style webhooks for the images a build produced.",
        subcommands = {DemoCommand.class, PayloadCommand.class, ImagesCommand.class, SendCommand.class, RedeliverCommand.class,
            ReceiveCommand.class, CommandLine.HelpCommand.class})
public final class Main {
    static final String NAME = "docker-build-webhooks";

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Commands run without building the whole command tree: picocli spends most of its start-up
     * building the model of every subcommand, and a CLI called once per build should start fast.
     */
    private static final Map<String, Supplier<Object>> DIRECT = Map.of(
            "payload", PayloadCommand::new,
            "images", ImagesCommand::new,
            "send", SendCommand::new,
            "redeliver", RedeliverCommand::new,
            "receive", ReceiveCommand::new,
            "demo", DemoCommand::new);

    /** Runs the CLI and returns its exit code; used by tests that run it in process. */
    public static int run(String... args) {
        Supplier<Object> direct = args.length == 0 ? null : DIRECT.get(args[0]);
        if (direct != null) {
            CommandLine command = Cli.commandLine(direct.get());
            command.setCommandName(NAME + " " + args[0]);
            return command.execute(Arrays.copyOfRange(args, 1, args.length));
        }
        return Cli.commandLine(new Main()).execute(args);
    }
}
