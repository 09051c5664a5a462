package io.jenkins.plugins.dockerbuildwebhooks.image;

import java.util.Objects;
import java.util.Optional;

/**
 * An image reference {@code [registry[:port]/]path[:tag][@digest]}, parsed by the grammar of the
 * distribution project's {@code reference} package and normalised the way the Docker CLI does:
 * {@code nginx} is {@code docker.io/library/nginx:latest}, {@code index.docker.io} is
 * {@code docker.io}.
 *
 * <p>The parser is a single left-to-right pass without regular expressions, so hostile input
 * costs linear time.
 */
public final class ImageReference {
    /** The tag Docker assumes when none is given. */
    public static final String DEFAULT_TAG = "latest";
    /** Longest tag the grammar allows. */
    public static final int MAX_TAG_LENGTH = 128;
    /** Longest name (domain and path) the grammar allows. */
    public static final int MAX_NAME_LENGTH = 255;

    private final RepositoryName repository;
    private final String tag;
    private final Digest digest;

    private ImageReference(RepositoryName repository, String tag, Digest digest) {
        this.repository = repository;
        this.tag = tag;
        this.digest = digest;
    }

    /**
     * Parses and normalises a reference.
     *
     * @throws InvalidReferenceException naming the input and what is wrong with it
     */
    public static ImageReference parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            throw invalid(text, "is empty");
        }
        String rest = text;
        Digest digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            String digestText = rest.substring(at + 1);
            try {
                digest = Digest.parse(digestText);
            } catch (InvalidReferenceException e) {
                throw invalid(text, "bad digest: " + e.getMessage());
            }
            rest = rest.substring(0, at);
        }
        String tag = null;
        int lastSlash = rest.lastIndexOf('/');
        int colon = rest.indexOf(':', lastSlash + 1);
        if (colon >= 0) {
            tag = rest.substring(colon + 1);
            checkTag(text, tag);
            rest = rest.substring(0, colon);
        }
        if (rest.isEmpty()) {
            throw invalid(text, "repository name is empty");
        }
        if (rest.length() > MAX_NAME_LENGTH) {
            throw invalid(text, "repository name is longer than " + MAX_NAME_LENGTH + " characters");
        }
        String domain;
        String path;
        int slash = rest.indexOf('/');
        String first = slash < 0 ? rest : rest.substring(0, slash);
        if (slash >= 0 && isDomain(first)) {
            domain = first;
            path = rest.substring(slash + 1);
            checkDomain(text, domain);
        } else {
            domain = RepositoryName.DOCKER_HUB;
            path = rest;
        }
        checkPath(text, path);
        if (path.length() == 64 && Digest.isLowerHex(path, 0, 64)) {
            throw invalid(text, "a 64-digit hex string is an image ID, not a repository name");
        }
        if ("index.docker.io".equals(domain) || "registry-1.docker.io".equals(domain)) {
            domain = RepositoryName.DOCKER_HUB;
        }
        if (RepositoryName.DOCKER_HUB.equals(domain) && path.indexOf('/') < 0) {
            path = RepositoryName.OFFICIAL_NAMESPACE + "/" + path;
        }
        return new ImageReference(new RepositoryName(domain, path), tag, digest);
    }

    /** The same repository with another tag and no digest. */
    public static ImageReference of(RepositoryName repository, String tag) {
        checkTag(repository.fullName() + ":" + tag, tag);
        return new ImageReference(repository, tag, null);
    }

    /** Docker's rule: the first component names a registry if it has a dot or colon, or is localhost. */
    private static boolean isDomain(String first) {
        if (first.equals("localhost") || first.indexOf('.') >= 0 || first.indexOf(':') >= 0) {
            return true;
        }
        for (int i = 0; i < first.length(); i++) {
            if (Character.isUpperCase(first.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static void checkDomain(String input, String domain) {
        String host = domain;
        int colon = domain.lastIndexOf(':');
        if (domain.startsWith("[")) {
            int close = domain.indexOf(']');
            if (close < 0) {
                throw invalid(input, "registry \"" + domain + "\" has an unclosed IPv6 bracket");
            }
            String ipv6 = domain.substring(1, close);
            if (ipv6.isEmpty() || !ipv6.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
                throw invalid(input, "registry \"" + domain + "\" is not a valid IPv6 address");
            }
            String after = domain.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    throw invalid(input, "registry \"" + domain + "\" has text after the IPv6 address");
                }
                checkPort(input, domain, after.substring(1));
            }
            return;
        }
        if (colon >= 0) {
            host = domain.substring(0, colon);
            checkPort(input, domain, domain.substring(colon + 1));
        }
        if (host.isEmpty()) {
            throw invalid(input, "registry host is empty");
        }
        for (String component : host.split("\\.", -1)) {
            if (component.isEmpty()) {
                throw invalid(input, "registry \"" + domain + "\" has an empty component");
            }
            if (component.startsWith("-") || component.endsWith("-")) {
                throw invalid(input, "registry \"" + domain + "\" has a component starting or ending with '-'");
            }
            for (int i = 0; i < component.length(); i++) {
                char c = component.charAt(i);
                if (!(isAsciiLetterOrDigit(c) || c == '-')) {
                    throw invalid(input, "registry \"" + domain + "\" contains '" + printableChar(c) + "'");
                }
            }
        }
    }

    private static void checkPort(String input, String domain, String port) {
        if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw invalid(input, "registry \"" + domain + "\" has an invalid port");
        }
    }

    private static void checkPath(String input, String path) {
        if (path.isEmpty()) {
            throw invalid(input, "repository path is empty");
        }
        String[] components = path.split("/", -1);
        for (String component : components) {
            if (component.isEmpty()) {
                throw invalid(input, "repository path has an empty component");
            }
            checkPathComponent(input, component);
        }
    }

    /** {@code [a-z0-9]+ ((\.|_|__|-+) [a-z0-9]+)*}, checked without backtracking. */
    private static void checkPathComponent(String input, String component) {
        int i = 0;
        int n = component.length();
        boolean expectAlnum = true;
        while (i < n) {
            char c = component.charAt(i);
            if (isLowerAlnum(c)) {
                expectAlnum = false;
                i++;
                continue;
            }
            if (c >= 'A' && c <= 'Z') {
                throw invalid(input, "repository name must be lowercase");
            }
            if (c != '.' && c != '_' && c != '-') {
                throw invalid(input, "repository path contains '" + printableChar(c) + "'");
            }
            if (expectAlnum) {
                throw invalid(input, "repository path component \"" + component
                        + "\" must start and end with a letter or digit, and separators cannot repeat");
            }
            int start = i;
            if (c == '-') {
                while (i < n && component.charAt(i) == '-') {
                    i++;
                }
            } else if (c == '_' && i + 1 < n && component.charAt(i + 1) == '_') {
                i += 2;
            } else {
                i++;
            }
            if (i >= n || !isLowerAlnum(component.charAt(i))) {
                throw invalid(input, "repository path component \"" + component
                        + "\" has a misplaced separator \"" + component.substring(start, Math.min(i + 1, n)) + "\"");
            }
            expectAlnum = true;
        }
    }

    private static void checkTag(String input, String tag) {
        if (tag.isEmpty()) {
            throw invalid(input, "tag is empty");
        }
        if (tag.length() > MAX_TAG_LENGTH) {
            throw invalid(input, "tag is " + tag.length() + " characters long (at most " + MAX_TAG_LENGTH + ")");
        }
        char first = tag.charAt(0);
        if (!(isAsciiLetterOrDigit(first) || first == '_')) {
            throw invalid(input, "tag must start with a letter, digit or '_'");
        }
        for (int i = 1; i < tag.length(); i++) {
            char c = tag.charAt(i);
            if (!(isAsciiLetterOrDigit(c) || c == '_' || c == '.' || c == '-')) {
                throw invalid(input, "tag contains '" + printableChar(c) + "'");
            }
        }
    }

    private static boolean isLowerAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static String printableChar(char c) {
        return InvalidReferenceException.printable(String.valueOf(c));
    }

    private static InvalidReferenceException invalid(String input, String problem) {
        return new InvalidReferenceException("image reference", input, problem);
    }

    /** The repository, fully qualified. */
    public RepositoryName repository() {
        return repository;
    }

    /** The tag as written, if any. */
    public Optional<String> explicitTag() {
        return Optional.ofNullable(tag);
    }

    /** The tag, {@code latest} when none was written. */
    public String tag() {
        return tag == null ? DEFAULT_TAG : tag;
    }

    /** The digest, if the reference pins one. */
    public Optional<Digest> digest() {
        return Optional.ofNullable(digest);
    }

    /** {@code domain/path:tag[@digest]}, fully qualified with the tag made explicit. */
    public String canonical() {
        return repository.fullName() + ":" + tag() + (digest == null ? "" : "@" + digest);
    }

    /** {@code name:tag} as {@code docker images} would show it. */
    public String familiar() {
        return repository.familiarName() + ":" + tag();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageReference r && r.repository.equals(repository) && Objects.equals(r.tag, tag)
                && Objects.equals(r.digest, digest);
    }

    @Override
    public int hashCode() {
        return Objects.hash(repository, tag, digest);
    }

    @Override
    public String toString() {
        return canonical();
    }
}
