package io.jenkins.plugins.dockerbuildwebhooks.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the durations and sizes people type on a command line: {@code 250ms}, {@code 2s}, {@code 1MiB}. */
final class Quantities {
    private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})(ms|s|m|h)?");
    private static final Pattern SIZE = Pattern.compile("([0-9]{1,12})\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?");

    private Quantities() {}

    static Duration duration(String option, String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = DURATION.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            return switch (unit) {
                case "ms" -> Duration.ofMillis(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofSeconds(n);
            };
        }
        try {
            Duration d = Duration.parse(text.trim().toUpperCase(Locale.ROOT));
            if (!d.isNegative()) {
                return d;
            }
        } catch (DateTimeParseException e) {
            // fall through to the message below
        }
        throw new UsageException(option + " " + text + ": not a duration; write e.g. 250ms, 2s, 1m or PT2S");
    }

    static long size(String option, String text) {
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
