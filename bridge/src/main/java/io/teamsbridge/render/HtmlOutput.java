package io.teamsbridge.render;

/**
 * The HTML of a reply as it is written: markup the writer chooses, and text that is always escaped.
 *
 * <p>Text passes through one filter on its way in, so no caller can forget it: {@code & < >} are
 * escaped (and {@code "} inside attribute values), control characters other than tab and line feed
 * are dropped (they are invalid in HTML and some clients reject the message), as are the
 * non-characters U+FFFE and U+FFFF, and a lone surrogate becomes U+FFFD (it has no UTF-8 form).
 */
final class HtmlOutput {
    private final StringBuilder html = new StringBuilder();
    private boolean visible;

    /** Markup written as is; only constants of the writer, never input. */
    void markup(String tags) {
        html.append(tags);
    }

    /** {@code <name attribute="value">}, the value escaped. */
    void open(String name, String attribute, String value) {
        html.append('<').append(name).append(' ').append(attribute).append("=\"");
        escape(value, 0, value.length(), true);
        html.append("\">");
    }

    void text(String text) {
        text(text, 0, text.length());
    }

    /** {@code text[from, to)}, escaped. */
    void text(String text, int from, int to) {
        escape(text, from, to, false);
    }

    /** Marks the output as showing something even without text, as a rule does. */
    void markVisible() {
        visible = true;
    }

    /** Whether a reader would see anything: text other than white space, or a rule. */
    boolean isVisible() {
        return visible;
    }

    String html() {
        return html.toString();
    }

    private void escape(String text, int from, int to, boolean attribute) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(text.charAt(i + 1))) {
                html.append(c).append(text.charAt(++i));
                visible |= !attribute;
                continue;
            }
            switch (c) {
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append(attribute ? "&quot;" : "\"");
                case '\t', '\n' -> html.append(c);
                default -> {
                    if (c < 0x20 || c == 0x7F || c == '\uFFFE' || c == '\uFFFF') {
                        continue;
                    }
                    html.append(Character.isSurrogate(c) ? '\uFFFD' : c);
                }
            }
            visible |= !attribute && !Character.isWhitespace(c) && !Character.isSpaceChar(c);
        }
    }
}
