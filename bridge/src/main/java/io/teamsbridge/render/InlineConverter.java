package io.teamsbridge.render;

import java.util.Optional;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Inline HTML to Markdown: text, emphasis, links, code spans, mentions, emoji and images. Blocks
 * met inline (in a heading, a table cell, a link) become line breaks around their text.
 *
 * <p>Recursive, but only to {@link #MAX_DEPTH}; anything deeper is read as plain text by the
 * iterative {@link HtmlTags#visibleText}, so hostile nesting cannot overflow the stack.
 */
final class InlineConverter {
    static final int MAX_DEPTH = 64;

    /** Where we are: which emphasis is already open, whether inside link text or a table cell. */
    record Scope(boolean bold, boolean italic, boolean strike, boolean inLink, boolean inCell) {
        static final Scope ROOT = new Scope(false, false, false, false, false);
        static final Scope CELL = new Scope(false, false, false, false, true);
    }

    private final RenderState state;

    InlineConverter(RenderState state) {
        this.state = state;
    }

    /** Converts the children of {@code parent} into {@code out}. */
    void children(Element parent, InlineBuilder out, Scope scope, int depth) {
        for (Node child : parent.childNodes()) {
            node(child, out, scope, depth + 1);
        }
    }

    void node(Node node, InlineBuilder out, Scope scope, int depth) {
        if (node instanceof TextNode text) {
            out.text(text.getWholeText(), !scope.inLink());
        } else if (node instanceof Element element && !HtmlTags.isHidden(element)) {
            if (depth > MAX_DEPTH) {
                out.text(HtmlTags.visibleText(element), false);
            } else {
                element(element, out, scope, depth);
            }
        }
    }

    private void element(Element e, InlineBuilder out, Scope scope, int depth) {
        switch (e.normalName()) {
            case "br" -> out.lineBreak();
            case "b", "strong" -> emphasis(e, out, scope.bold() ? null : "**", withBold(scope), depth);
            case "i", "em", "cite", "dfn", "var" -> emphasis(e, out, scope.italic() ? null : "*", withItalic(scope), depth);
            case "s", "strike", "del" -> emphasis(e, out, scope.strike() ? null : "~~", withStrike(scope), depth);
            case "code", "kbd", "samp", "tt", "pre", "codeblock" -> codeSpan(CodeBlocks.text(e), out, scope);
            case "a" -> link(e, out, scope, depth);
            case "at" -> mention(e.attr("id"), e, out, scope);
            case "emoji" -> emoji(e, out);
            case "img" -> image(e, out, scope);
            case "attachment" -> { } // placed by the block converter; nothing to show inline
            case "td", "th" -> {
                out.space();
                children(e, out, scope, depth);
                out.space();
            }
            default -> other(e, out, scope, depth);
        }
    }

    private void other(Element e, InlineBuilder out, Scope scope, int depth) {
        if (e.normalName().equals("span") && HtmlTags.hasItemType(e, "Mention")) {
            mention(e.attr("itemid"), e, out, scope);
        } else if (HtmlTags.isBlock(e)) {
            out.lineBreak();
            children(e, out, scope, depth);
            out.lineBreak();
        } else {
            // <u>, <span>, <font>, unknown tags: Markdown has no underline, and styles are dropped.
            children(e, out, scope, depth);
        }
    }

    /** Bold, italic or strike; {@code marker} null when the same emphasis is already open. */
    private void emphasis(Element e, InlineBuilder out, String marker, Scope inner, int depth) {
        if (marker == null) {
            children(e, out, inner, depth);
            return;
        }
        InlineBuilder run = out.nested();
        children(e, run, inner, depth);
        run.wrapInto(out, marker, marker);
    }

    private void codeSpan(String code, InlineBuilder out, Scope scope) {
        String span = CodeBlocks.span(code);
        // A table row is split at every unescaped pipe, even inside code.
        out.content(scope.inCell() ? span.replace("|", "\\|") : span);
    }

    private void link(Element e, InlineBuilder out, Scope scope, int depth) {
        Optional<String> target = scope.inLink() ? Optional.empty() : LinkTargets.destination(e.attr("href"));
        Scope inner = new Scope(scope.bold(), scope.italic(), scope.strike(), true, scope.inCell());
        if (target.isEmpty()) {
            InlineBuilder run = out.transparent();
            children(e, run, inner, depth);
            run.wrapInto(out, "", "");
            return;
        }
        InlineBuilder text = new InlineBuilder(false, true);
        children(e, text, inner, depth);
        if (text.isEmpty()) {
            text.text(e.attr("href"), false);
        }
        text.wrapInto(out, "[", "](" + target.get() + ")");
    }

    private void mention(String id, Element e, InlineBuilder out, Scope scope) {
        Optional<TeamsMention> mention = state.mention(id);
        Optional<String> username = scope.inLink() ? Optional.empty() : mention.flatMap(state::username);
        if (username.isPresent()) {
            out.mention(mention.get().userId(), "@" + username.get());
            return;
        }
        String shown = HtmlTags.visibleText(e);
        out.text(shown.isBlank() ? mention.map(TeamsMention::mentionText).orElse("") : shown, false);
    }

    private void emoji(Element e, InlineBuilder out) {
        String alt = e.attr("alt");
        out.text(alt.isBlank() ? e.attr("title") : alt, false);
    }

    private void image(Element e, InlineBuilder out, Scope scope) {
        String alt = e.attr("alt").strip();
        if (HtmlTags.hasItemType(e, "Emoji")) {
            out.text(alt, false);
            return;
        }
        String label = alt.isEmpty() ? "image" : alt;
        if (ContentRefs.isHosted(e.attr("src"))) {
            hostedImage(e.attr("src").strip(), label.replaceAll("\\s+", " "), out);
            return;
        }
        Optional<String> target = scope.inLink() ? Optional.empty() : LinkTargets.destination(e.attr("src"));
        if (target.isPresent()) {
            // A link, not an embedded image: hosted images need a Graph token Mattermost does not have.
            out.content("[" + MarkdownEscaper.escape(label.replaceAll("\\s+", " "), '[', false) + "](" + target.get() + ")");
        } else {
            out.text(scope.inLink() ? label : "(" + label + ")", false);
        }
    }

    /**
     * A pasted image: its address needs a Graph token, so it is never a link. Attached to the post,
     * it needs no words; otherwise it is named, and when it could not be attached, the reader is
     * told where to see it.
     */
    private void hostedImage(String src, String label, InlineBuilder out) {
        FetchedContent.ImageState shown = state.fetched().images().get(src);
        if (shown == FetchedContent.ImageState.ATTACHED) {
            return;
        }
        out.text(shown == FetchedContent.ImageState.NOT_SHOWN ? "(" + label + " not shown here, open the message in Teams)"
                : "(" + label + ")", false);
    }

    private static Scope withBold(Scope s) {
        return new Scope(true, s.italic(), s.strike(), s.inLink(), s.inCell());
    }

    private static Scope withItalic(Scope s) {
        return new Scope(s.bold(), true, s.strike(), s.inLink(), s.inCell());
    }

    private static Scope withStrike(Scope s) {
        return new Scope(s.bold(), s.italic(), true, s.inLink(), s.inCell());
    }
}
