package io.jenkins.plugins.dockerbuildwebhooks.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which repositories an endpoint wants: glob patterns separated by commas or whitespace, matched
 * against both the full name ({@code docker.io/acme/app}) and the familiar one ({@code acme/app}).
 * {@code *} matches within one path component, {@code **} across components, {@code ?} one
 * character. No pattern means every repository.
 */
public final class RepositoryFilter {
    private static final Pattern ALLOWED = Pattern.compile("[a-z0-9._:/*?-]+");

    private final String text;
    private final List<Pattern> patterns;

    private RepositoryFilter(String text, List<Pattern> patterns) {
        this.text = text;
        this.patterns = List.copyOf(patterns);
    }

    /**
     * Parses a filter.
     *
     * @throws IllegalArgumentException naming the pattern when one holds a character no repository
     *     name can have (upper case included: repository names are lower case)
     */
    public static RepositoryFilter parse(String text) {
        String source = text == null ? "" : text.trim();
        List<Pattern> patterns = new ArrayList<>();
        for (String glob : source.split("[,\\s]+")) {
            if (glob.isEmpty()) {
                continue;
            }
            if (!ALLOWED.matcher(glob).matches()) {
                String hint = glob.equals(glob.toLowerCase(Locale.ROOT)) ? "" : " (repository names are lower case)";
                throw new IllegalArgumentException("repository pattern \"" + glob
                        + "\" may only hold a-z, 0-9, '.', '_', '-', ':', '/', '*' and '?'" + hint);
            }
            patterns.add(toRegex(glob));
        }
        return new RepositoryFilter(source, patterns);
    }

    /** The filter that accepts every repository. */
    public static RepositoryFilter all() {
        return new RepositoryFilter("", List.of());
    }

    private static Pattern toRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    /** Whether images of {@code repository} go to the endpoint. */
    public boolean accepts(RepositoryName repository) {
        if (patterns.isEmpty()) {
            return true;
        }
        String full = repository.fullName();
        String familiar = repository.familiarName();
        return patterns.stream().anyMatch(p -> p.matcher(full).matches() || p.matcher(familiar).matches());
    }

    /** Whether this filter accepts everything. */
    public boolean acceptsAll() {
        return patterns.isEmpty();
    }

    @Override
    public String toString() {
        return text.isEmpty() ? "(all repositories)" : text;
    }
}
