package io.teamsbridge.render;

import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/** How the converters treat each HTML element. */
final class HtmlTags {
    /** Dropped with everything inside: active content and form controls have nothing to read. */
    private static final Set<String> HIDDEN = Set.of("script", "style", "iframe", "frame", "frameset", "object",
            "embed", "applet", "template", "noscript", "noembed", "noframes", "svg", "math", "head", "title", "meta",
            "link", "base", "input", "select", "option", "textarea", "button", "canvas", "audio", "video", "source",
            "track", "param", "xmp", "plaintext");

    /** Elements that make their own Markdown block(s). Teams' own tags included. */
    private static final Set<String> BLOCK = Set.of("html", "body", "p", "div", "section", "article", "header",
            "footer", "main", "aside", "nav", "figure", "figcaption", "address", "center", "details", "summary",
            "fieldset", "form", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table",
            "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "blockquote", "pre", "codeblock", "hr",
            "attachment", "readonly");

    private HtmlTags() {
    }

    static boolean isHidden(Element element) {
        return HIDDEN.contains(element.normalName());
    }

    static boolean isBlock(Element element) {
        return BLOCK.contains(element.normalName());
    }

    static boolean isHeading(Element element) {
        String name = element.normalName();
        return name.length() == 2 && name.charAt(0) == 'h' && name.charAt(1) >= '1' && name.charAt(1) <= '6';
    }

    /**
     * Whether an inline element (a {@code <span>}, a {@code <b>}) holds blocks, as in
     * {@code <span><p>a</p><p>b</p></span>}; then it is read as a plain container. Iterative, so
     * deep nesting cannot overflow the stack.
     */
    static boolean hasBlockInside(Element element) {
        boolean[] found = {false};
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node == element || !(node instanceof Element e)) {
                    return FilterResult.CONTINUE;
                }
                if (isHidden(e)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (isBlock(e)) {
                    found[0] = true;
                    return FilterResult.STOP;
                }
                return FilterResult.CONTINUE;
            }
        }, element);
        return found[0];
    }

    /** Whether an element carries the given Skype/Teams schema type (emoji, mention, reply). */
    static boolean hasItemType(Element element, String type) {
        return element.attr("itemtype").toLowerCase(Locale.ROOT).endsWith("schema.skype.com/" + type.toLowerCase(Locale.ROOT));
    }

    /**
     * The text a reader would see, hidden elements left out, line breaks and block ends as spaces.
     * Iterative; used where structure no longer matters (past the depth bound, names).
     */
    static String visibleText(Element element) {
        StringBuilder text = new StringBuilder();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    text.append(t.getWholeText());
                } else if (node instanceof Element e) {
                    if (isHidden(e)) {
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    if (e.normalName().equals("br") || isBlock(e)) {
                        text.append(' ');
                    }
                }
                return FilterResult.CONTINUE;
            }
        }, element);
        return text.toString();
    }
}
