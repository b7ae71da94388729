package io.teamsbridge.render;

/**
 * Accumulates one run of inline Markdown (a paragraph, a heading, a cell, the text of a link or
 * of an emphasis), collapsing whitespace the way a browser does: runs of spaces become one, spaces
 * at the start of a line disappear, and a space is written only when content follows it. That
 * deferral is what lets emphasis markers hug their text ({@code <b> x </b>} gives {@code " **x** "}).
 */
final class InlineBuilder {
    private final StringBuilder out = new StringBuilder();
    private final boolean singleLine;
    private boolean lineStart;
    private boolean pendingSpace;
    private boolean leadingSpace;
    /** The closing marker written last, so {@code <b>a</b><b>b</b>} can merge into {@code **ab**}. */
    private String lastClose;
    /** The Teams user of the mention written last, while nothing but whitespace follows it. */
    private String openMentionUser;

    /**
     * @param startsLine whether the run starts a Markdown line (so block markers must be escaped)
     * @param singleLine whether line breaks become spaces (headings, table cells, link text)
     */
    InlineBuilder(boolean startsLine, boolean singleLine) {
        this.lineStart = startsLine;
        this.singleLine = singleLine;
    }

    /** A run for content that will sit between markers (emphasis, link text). */
    InlineBuilder nested() {
        return new InlineBuilder(false, singleLine);
    }

    /** A run for content written without markers, so it may start a line of this run. */
    InlineBuilder transparent() {
        return new InlineBuilder(lineStart, singleLine);
    }

    /** Plain text from HTML: whitespace collapsed, Markdown escaped, bare web addresses linked. */
    void text(String raw, boolean linkBareUrls) {
        String collapsed = collapseWhitespace(raw);
        if (collapsed.isEmpty()) {
            return;
        }
        int from = collapsed.charAt(0) == ' ' ? 1 : 0;
        int to = collapsed.length() > from && collapsed.charAt(collapsed.length() - 1) == ' ' ? collapsed.length() - 1 : collapsed.length();
        if (from == 1) {
            space();
        }
        String words = collapsed.substring(from, to);
        int at = 0;
        LinkTargets.Span url = linkBareUrls ? LinkTargets.nextBareUrl(words, 0) : null;
        while (at < words.length()) {
            int end = url == null ? words.length() : url.start();
            if (end > at) {
                plain(words.substring(at, end));
            }
            if (url != null) {
                // An autolink: no escapes are processed inside it, so the URL survives intact.
                content("<" + words.substring(url.start(), url.end()) + ">");
                at = url.end();
                url = LinkTargets.nextBareUrl(words, at);
            } else {
                at = end;
            }
        }
        if (to < collapsed.length()) {
            space();
        }
    }

    private void plain(String words) {
        flushSpace();
        content(MarkdownEscaper.escape(words, lastChar(), lineStart));
    }

    /** Markdown written as is (markers, links, code spans, mentions). */
    void content(String markdown) {
        if (markdown.isEmpty()) {
            return;
        }
        flushSpace();
        out.append(markdown);
        lineStart = false;
        lastClose = null;
        openMentionUser = null;
    }

    /** Collapsible whitespace. */
    void space() {
        if (out.isEmpty()) {
            leadingSpace = true;
        } else if (!lineStart) {
            pendingSpace = true;
        }
    }

    /** A hard line break ({@code <br>}); a space in single-line runs. */
    void lineBreak() {
        if (singleLine) {
            space();
            return;
        }
        pendingSpace = false;
        out.append('\n');
        lineStart = true;
        lastClose = null;
        openMentionUser = null;
    }

    /**
     * A mention of a connected user. Teams splits "Alice Archer" into one {@code <at>} per name part,
     * all for the same user; only the first is written.
     */
    void mention(String teamsUserId, String markdown) {
        if (teamsUserId.equals(openMentionUser)) {
            return;
        }
        content(markdown);
        openMentionUser = teamsUserId;
    }

    /**
     * Writes this run into {@code parent} between two markers, keeping outer whitespace and line
     * breaks outside them; a run without content leaves only its whitespace.
     */
    void wrapInto(InlineBuilder parent, String open, String close) {
        String text = out.toString();
        int start = 0;
        while (start < text.length() && text.charAt(start) == '\n') {
            start++;
        }
        int end = text.length();
        while (end > start && text.charAt(end - 1) == '\n') {
            end--;
        }
        if (start > 0) {
            parent.lineBreak();
        } else if (leadingSpace) {
            parent.space();
        }
        if (end > start) {
            if (!open.isEmpty() && open.equals(parent.lastClose) && !parent.pendingSpace && parent.endsWith(open)) {
                parent.out.setLength(parent.out.length() - open.length());
                parent.out.append(text, start, end).append(close);
                parent.lineStart = false;
            } else {
                parent.content(open + text.substring(start, end) + close);
            }
            parent.lastClose = close.isEmpty() ? null : close;
        }
        if (end < text.length()) {
            parent.lineBreak();
        } else if (pendingSpace) {
            parent.space();
        }
    }

    /** The Markdown written, without leading or trailing whitespace. */
    String markdown() {
        return out.toString().strip();
    }

    boolean isEmpty() {
        for (int i = 0; i < out.length(); i++) {
            if (!Character.isWhitespace(out.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private boolean endsWith(String suffix) {
        int from = out.length() - suffix.length();
        return from >= 0 && out.indexOf(suffix, from) == from;
    }

    private void flushSpace() {
        if (pendingSpace && !lineStart) {
            out.append(' ');
        }
        pendingSpace = false;
    }

    /** The character before the next content, for context-dependent escapes (-1 at the start). */
    private int lastChar() {
        if (pendingSpace) {
            return ' ';
        }
        return out.isEmpty() ? -1 : out.codePointBefore(out.length());
    }

    private static String collapseWhitespace(String raw) {
        StringBuilder sb = new StringBuilder(raw.length());
        boolean inSpace = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u00A0') {
                if (!inSpace) {
                    sb.append(' ');
                }
                inSpace = true;
            } else {
                sb.append(c);
                inSpace = false;
            }
        }
        return sb.toString();
    }
}
