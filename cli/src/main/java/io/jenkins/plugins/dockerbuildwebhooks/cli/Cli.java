package io.jenkins.plugins.dockerbuildwebhooks.cli;

import io.jenkins.plugins.dockerbuildwebhooks.image.InvalidReferenceException;
import io.jenkins.plugins.dockerbuildwebhooks.json.JsonFormatException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Shared CLI conventions: exit codes and how errors reach the person at the terminal.
 *
 * <ul>
 *   <li>0: everything worked;
 *   <li>1: the command ran but something it did failed (a delivery, a check);
 *   <li>2: bad usage or bad input, with a one-line message and no stack trace.
 * </ul>
 */
final class Cli {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;

    private Cli() {}

    static CommandLine commandLine(Object command) {
        CommandLine cl = new CommandLine(command);
        cl.setExitCodeExceptionMapper(e -> BAD_INPUT);
        cl.setExecutionExceptionHandler(Cli::handleExecutionException);
        cl.setParameterExceptionHandler(Cli::handleParameterException);
        cl.getCommandSpec().exitCodeOnInvalidInput(BAD_INPUT);
        return cl;
    }

    private static int handleParameterException(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        // picocli checks required options before it reports unknown ones; a typo in an option's name
        // would otherwise read as "missing --url" when the person did give it, misspelt
        String unknown = e instanceof CommandLine.MissingParameterException
                || e instanceof CommandLine.UnmatchedArgumentException
                ? UnknownOptions.first(e.getCommandLine().getCommandSpec(), args) : null;
        err.println(shortName(e.getCommandLine()) + ": "
                + (unknown != null ? "unknown option '" + unknown + "'" : e.getMessage()));
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, err)) {
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
        }
        return BAD_INPUT;
    }

    private static int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof UsageException
                || e instanceof InvalidReferenceException
                || e instanceof JsonFormatException
                || e instanceof IllegalArgumentException
                || e instanceof java.io.IOException
                || e instanceof java.io.UncheckedIOException) {
            err.println(shortName(cl) + ": " + message(e));
            return BAD_INPUT;
        }
        err.println(shortName(cl) + ": internal error (please report it): " + e);
        e.printStackTrace(err);
        return FAILED;
    }

    /** "send" for both "docker-build-webhooks send" and a send command run on its own. */
    private static String shortName(CommandLine cl) {
        String name = cl.getCommandName();
        return name.substring(name.lastIndexOf(' ') + 1);
    }

    private static String message(Throwable e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file: " + e.getMessage();
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied: " + e.getMessage();
        }
        if (e instanceof java.io.UncheckedIOException u && u.getCause() != null) {
            return message(u.getCause());
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
