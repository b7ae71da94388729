package io.teamsbridge.render;

/** Plain text (a name, an address) made safe to put inside a line of Mattermost Markdown. */
public final class MarkdownText {
    private MarkdownText() {
    }

    /** The text shown as written: Markdown characters escaped, {@code @mentions} neutralised, one line. */
    public static String inline(String text) {
        if (text == null) {
            return "";
        }
        return MarkdownEscaper.escape(text.replace('\r', ' ').replace('\n', ' '), ' ', false);
    }
}
