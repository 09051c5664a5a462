package io.jenkins.plugins.dockerbuildwebhooks.extract;

import io.jenkins.plugins.dockerbuildwebhooks.image.Digest;
import io.jenkins.plugins.dockerbuildwebhooks.image.ImageId;

/** Cheap checks for the digests and IDs the formats read, so no line needs a regular expression. */
final class Hex {
    static final String SHA256 = "sha256:";
    static final int DIGEST_LENGTH = SHA256.length() + 64;

    private Hex() {}

    static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }

    /** Length of the run of lowercase hex digits starting at {@code from}. */
    static int hexRun(String s, int from) {
        int i = from;
        while (i < s.length() && isHex(s.charAt(i))) {
            i++;
        }
        return i - from;
    }

    /** The digest {@code sha256:<64 hex>} at {@code from}, or null if there is none (or it runs on). */
    static Digest digestAt(String s, int from) {
        if (!s.startsWith(SHA256, from)) {
            return null;
        }
        int start = from + SHA256.length();
        if (hexRun(s, start) != 64) {
            return null;
        }
        return Digest.ofHex(s.substring(start, start + 64));
    }

    /** An ID printed as a result: {@code sha256:} optional, at least 10 hex digits, up to the next blank. */
    static ImageId idAt(String s, int from) {
        int start = s.startsWith(SHA256, from) ? from + SHA256.length() : from;
        int run = hexRun(s, start);
        int end = start + run;
        if (run < ImageId.MIN_SHORT_LENGTH || run > 64 || (end < s.length() && s.charAt(end) != ' ')) {
            return null;
        }
        return ImageId.parse(s.substring(start, end));
    }

    /** The text from {@code from} up to the next blank. */
    static String token(String s, int from) {
        int end = s.indexOf(' ', from);
        return end < 0 ? s.substring(from) : s.substring(from, end);
    }
}
