package io.jenkins.plugins.dockerbuildwebhooks.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the sizes people type on a command line: {@code 65536}, {@code 512KiB}, {@code 1MiB}. */
final class Sizes {
    private static final Pattern SIZE = Pattern.compile("([0-9]{1,12})\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?");

    private Sizes() {}

    /** Bytes; K, M and G count in 1024s. */
    static long parse(String option, String text) {
        Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new UsageException(option + " " + text + ": not a size; write e.g. 65536, 512KiB or 1MiB");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        long factor = switch (unit.charAt(0)) {
            case 'k' -> 1024L;
            case 'm' -> 1024L * 1024;
            case 'g' -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        return Math.multiplyExact(n, factor);
    }
}
