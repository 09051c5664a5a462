package io.jenkins.plugins.dockerbuildwebhooks.image;

import java.util.Objects;

/**
 * A content digest as registries and image stores print it: {@code sha256:} followed by 64
 * lowercase hex digits. Only SHA-256 is accepted, since it is the only algorithm Docker,
 * podman, buildah and the distribution registry use for manifests and configs.
 */
public final class Digest implements Comparable<Digest> {
    static final String PREFIX = "sha256:";
    static final int HEX_LENGTH = 64;

    private final String hex;

    private Digest(String hex) {
        this.hex = hex;
    }

    /**
     * Parses {@code sha256:<64 lowercase hex>}.
     *
     * @throws InvalidReferenceException naming the input and the problem
     */
    public static Digest parse(String text) {
        Objects.requireNonNull(text, "text");
        if (!text.startsWith(PREFIX)) {
            int colon = text.indexOf(':');
            if (colon > 0) {
                throw new InvalidReferenceException("digest", text,
                        "unsupported algorithm \"" + InvalidReferenceException.printable(text.substring(0, colon))
                                + "\" (only sha256 is supported)");
            }
            throw new InvalidReferenceException("digest", text, "must start with \"sha256:\"");
        }
        String hex = text.substring(PREFIX.length());
        checkHex("digest", text, hex);
        return new Digest(hex);
    }

    /** Builds a digest from exactly 64 lowercase hex digits, without the algorithm prefix. */
    public static Digest ofHex(String hex) {
        checkHex("digest", hex, hex);
        return new Digest(hex);
    }

    /** Whether {@code text} is exactly {@code sha256:} and 64 lowercase hex digits. */
    public static boolean isValid(String text) {
        return text != null && text.length() == PREFIX.length() + HEX_LENGTH && text.startsWith(PREFIX)
                && isLowerHex(text, PREFIX.length(), text.length());
    }

    static void checkHex(String kind, String input, String hex) {
        if (hex.length() != HEX_LENGTH) {
            throw new InvalidReferenceException(kind, input,
                    "expected 64 hex digits after \"sha256:\" but found " + hex.length());
        }
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            if (c >= 'A' && c <= 'F') {
                throw new InvalidReferenceException(kind, input, "hex digits must be lowercase");
            }
            if (!isLowerHexChar(c)) {
                throw new InvalidReferenceException(kind, input,
                        "'" + InvalidReferenceException.printable(String.valueOf(c)) + "' at position "
                                + (i + 1) + " of the hex part is not a hex digit");
            }
        }
    }

    static boolean isLowerHex(CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isLowerHexChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isLowerHexChar(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }

    /** The 64 hex digits without the {@code sha256:} prefix. */
    public String hex() {
        return hex;
    }

    @Override
    public int compareTo(Digest other) {
        return hex.compareTo(other.hex);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Digest d && d.hex.equals(hex);
    }

    @Override
    public int hashCode() {
        return hex.hashCode();
    }

    /** {@code sha256:<hex>}. */
    @Override
    public String toString() {
        return PREFIX + hex;
    }
}
