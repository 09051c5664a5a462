package io.jenkins.plugins.dockerbuildwebhooks.cli;

/** Makes text from the network safe to print on a terminal (no escape sequences, no line breaks). */
final class Printable {
    private Printable() {}

    static String of(String text) {
        if (text == null) {
            return "-";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), 200));
        for (int i = 0; i < text.length() && out.length() < 200; i++) {
            char c = text.charAt(i);
            out.append(c < 0x20 || (c >= 0x7f && c < 0xa0) ? '?' : c);
        }
        if (out.length() < text.length()) {
            out.append('…');
        }
        return out.toString();
    }
}
