package io.jenkins.plugins.dockerbuildwebhooks.image;

/**
 * Thrown when text that should name an image, an image ID or a digest does not follow the
 * grammar. The message always quotes the input and says what is wrong with it, so that it can
 * be shown to a person as it is.
 */
public final class InvalidReferenceException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String input;

    InvalidReferenceException(String kind, String input, String problem) {
        super("invalid " + kind + " \"" + printable(input) + "\": " + problem);
        this.input = input;
    }

    /** The rejected text, as it was given. */
    public String getInput() {
        return input;
    }

    /** Keeps messages on one line and bounded, whatever the input holds. */
    static String printable(String input) {
        StringBuilder out = new StringBuilder();
        int limit = Math.min(input.length(), 200);
        for (int i = 0; i < limit; i++) {
            char c = input.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (input.length() > limit) {
            out.append("…(").append(input.length()).append(" characters)");
        }
        return out.toString();
    }
}
