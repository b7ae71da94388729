package io.teamsbridge.render;

/**
 * Makes plain text show as written in Mattermost Markdown.
 *
 * <p>Backslash escapes for the characters that start Markdown anywhere in a line, and for list,
 * heading-underline and ordered-list markers at the start of a line. Parentheses are left alone:
 * with every {@code [} and {@code ]} escaped, a {@code (} can never become a link destination, and
 * fewer backslashes keep push-notification previews readable.
 *
 * <p>Mattermost finds {@code @mentions} after Markdown is rendered (and on the server in the raw
 * text), so a backslash cannot stop them; a zero-width space after the {@code @} does, and keeps
 * the text looking the same. A Teams user's {@code @name} is not the Mattermost user of that name.
 *
 * <p>Left alone on purpose: emoji shortcodes and emoticons ({@code :smile:}, {@code :)}), which
 * Teams shows as emoji too. Mattermost may still show {@code #word} as a hashtag link (it finds
 * them after Markdown); the escape is there because at a line start {@code #} makes a heading.
 */
final class MarkdownEscaper {
    /** Put after an {@code @} so Mattermost sees no mention. */
    static final char ZERO_WIDTH_SPACE = '\u200B';

    /** Characters with a Markdown meaning wherever they appear. */
    private static final String ALWAYS = "\\*_~`[]<>|#";

    private MarkdownEscaper() {
    }

    /**
     * Escapes one run of text.
     *
     * @param previous  the character written just before the text, or -1 at the start of the output
     * @param lineStart whether the text starts a line of Markdown (where {@code -}, {@code +},
     *                  {@code =} and {@code 1.} would be block markers)
     */
    static String escape(String text, int previous, boolean lineStart) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        int i = 0;
        if (lineStart) {
            i = escapeLineStart(text, out);
        }
        int prev = i > 0 ? text.codePointBefore(i) : previous;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            int next = i + Character.charCount(c) < text.length() ? text.codePointAt(i + Character.charCount(c)) : -1;
            if (c < 128 && ALWAYS.indexOf(c) >= 0) {
                out.append('\\').append((char) c);
            } else if (c == '@' && next >= 0 && Character.isLetterOrDigit(next) && !(prev >= 0 && Character.isLetterOrDigit(prev))) {
                out.append('@').append(ZERO_WIDTH_SPACE);
            } else if (c == '&' && looksLikeEntity(text, i)) {
                out.append("\\&");
            } else {
                out.appendCodePoint(c);
            }
            prev = c;
            i += Character.charCount(c);
        }
        return out.toString();
    }

    /** Escapes each line of a multi-line plain text as starting a line. */
    static String escapeLines(String text) {
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            out.append(escape(lines[i], -1, true));
        }
        return out.toString();
    }

    /**
     * Escapes a block marker at the start of a line ({@code - + =} or {@code 1. 1)}) and returns
     * how much of the text it consumed.
     */
    private static int escapeLineStart(String text, StringBuilder out) {
        if (text.isEmpty()) {
            return 0;
        }
        char first = text.charAt(0);
        if (first == '-' || first == '+' || first == '=') {
            out.append('\\').append(first);
            return 1;
        }
        int digits = 0;
        while (digits < text.length() && text.charAt(digits) >= '0' && text.charAt(digits) <= '9') {
            digits++;
        }
        if (digits > 0 && digits < text.length() && (text.charAt(digits) == '.' || text.charAt(digits) == ')')) {
            out.append(text, 0, digits).append('\\').append(text.charAt(digits));
            return digits + 1;
        }
        return 0;
    }

    /** {@code &name;} or {@code &#123;} would be decoded by the Markdown renderer. */
    private static boolean looksLikeEntity(String text, int amp) {
        int i = amp + 1;
        if (i < text.length() && text.charAt(i) == '#') {
            i++;
        }
        int start = i;
        while (i < text.length() && i - start <= 32 && Character.isLetterOrDigit(text.charAt(i))) {
            i++;
        }
        return i > start && i < text.length() && text.charAt(i) == ';';
    }
}
