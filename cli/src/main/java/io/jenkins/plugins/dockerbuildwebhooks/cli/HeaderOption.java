package io.jenkins.plugins.dockerbuildwebhooks.cli;

import io.jenkins.plugins.dockerbuildwebhooks.delivery.HeaderLine;
import java.util.Locale;
import java.util.Set;

/**
 * One {@code --header 'Name: value'}. A header's value is never part of a message: a secret put
 * there by mistake (a token in {@code Authorization}) would otherwise end up in the CI log. Headers
 * that carry credentials are refused with a pointer to the options that read them from the
 * environment, because command lines are visible to other users and kept in shell histories.
 */
final class HeaderOption {
    private static final Set<String> CREDENTIALS = Set.of("authorization", "proxy-authorization");

    private HeaderOption() {}

    static HeaderLine parse(String text) {
        int colon = text.indexOf(':');
        String name = colon < 0 ? "" : text.substring(0, colon).strip();
        if (CREDENTIALS.contains(name.toLowerCase(Locale.ROOT))) {
            throw new UsageException("--header " + name + ": credentials do not go on the command line; "
                    + "use --bearer-env VAR (Authorization: Bearer) or --basic-auth-env VAR (Authorization: Basic)");
        }
        try {
            return HeaderLine.parse(text);
        } catch (IllegalArgumentException e) {
            boolean token = !name.isEmpty() && name.chars().allMatch(c -> c > 32 && c < 127 && c != '"');
            // an unusable name may be a value typed in the wrong place: show it only when it is a plain token
            String which = token && name.length() <= 64 ? name : "(the option's text is not shown)";
            String problem = token ? e.getMessage() : "a header must look like \"Name: value\" with a name of "
                    + "letters, digits and -";
            throw new UsageException("--header " + which + ": " + problem);
        }
    }
}
