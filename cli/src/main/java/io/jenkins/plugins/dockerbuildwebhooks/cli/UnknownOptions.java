package io.jenkins.plugins.dockerbuildwebhooks.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Finds an argument that looks like an option the command does not have. */
final class UnknownOptions {
    private UnknownOptions() {}

    /** The first unknown {@code -x}/{@code --name} in {@code args}, skipping the values of known options; or null. */
    static String first(CommandSpec spec, String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                return null;
            }
            if (!arg.startsWith("-") || arg.equals("-")) {
                continue;
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            OptionSpec option = spec.findOption(name);
            if (option == null) {
                return name;
            }
            if (eq < 0 && option.arity().max() > 0) {
                i++; // its value, which may itself start with '-'
            }
        }
        return null;
    }
}
