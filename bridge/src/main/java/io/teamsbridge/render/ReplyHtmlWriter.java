package io.teamsbridge.render;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.strikethrough.Strikethrough;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;

/**
 * Writes a parsed Mattermost reply as Teams chat HTML, one node at a time.
 *
 * <p>Choices, where Markdown and Teams differ:
 * <ul>
 * <li>Headings become bold paragraphs. Microsoft's table of Teams message formatting lists headings
 * as shown in cards only, not in messages, on desktop, iOS and Android alike; bold shows everywhere
 * and keeps the line set apart.</li>
 * <li>Every line break inside a paragraph is a {@code <br>}, as Mattermost shows it.</li>
 * <li>Code blocks are {@code <pre><code>}, with a {@code language-x} class when the fence names a
 * language (Teams' own code blocks carry the same class).</li>
 * <li>Images are never embedded (every reader's client would fetch them from a server the author
 * chose): they become a link to the image, its alt text as the link text.</li>
 * <li>Tables keep their header row; column alignment is dropped.</li>
 * <li>Only http, https and mailto links are links; any other target leaves the link text alone.
 * Bare http(s) addresses in text are linked, as Mattermost links them.</li>
 * <li>Raw HTML in the Markdown is text, as Mattermost shows it.</li>
 * </ul>
 * No markup is ever copied from the input, so the output is well-formed whatever the input is.
 * Recursion is bounded by the parser's nesting limits (see {@link ReplyRenderer}).
 */
final class ReplyHtmlWriter extends AbstractVisitor {
    private static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto");
    private static final Pattern LANGUAGE_NAME = Pattern.compile("[A-Za-z0-9+#_.-]{1,40}");

    private final HtmlOutput out = new HtmlOutput();
    private final ReplyMentions mentions;
    /** Inside a link's text or an image's alt text: nothing there may become a link or a mention. */
    private int inLink;

    ReplyHtmlWriter(MentionDirectory directory) {
        this.mentions = new ReplyMentions(directory);
    }

    String html() {
        return out.html();
    }

    List<ReplyMention> mentions() {
        return mentions.mentions();
    }

    /** Whether a reader would see anything in the HTML written. */
    boolean isVisible() {
        return out.isVisible();
    }

    @Override
    public void visit(Paragraph paragraph) {
        // Tight list items hold their text directly, without paragraph spacing (as HTML renderers do).
        if (isInTightList(paragraph)) {
            visitChildren(paragraph);
        } else {
            wrap("<p>", paragraph, "</p>");
        }
    }

    @Override
    public void visit(Heading heading) {
        wrap("<p><strong>", heading, "</strong></p>");
    }

    @Override
    public void visit(BlockQuote quote) {
        wrap("<blockquote>", quote, "</blockquote>");
    }

    @Override
    public void visit(BulletList list) {
        wrap("<ul>", list, "</ul>");
    }

    @Override
    public void visit(OrderedList list) {
        Integer start = list.getMarkerStartNumber();
        if (start == null || start == 1) {
            out.markup("<ol>");
        } else {
            out.open("ol", "start", start.toString());
        }
        visitChildren(list);
        out.markup("</ol>");
    }

    @Override
    public void visit(ListItem item) {
        wrap("<li>", item, "</li>");
    }

    @Override
    public void visit(FencedCodeBlock block) {
        String info = block.getInfo() == null ? "" : block.getInfo().strip();
        String firstWord = info.isEmpty() ? "" : info.split("\\s+", 2)[0];
        // A name a highlighter could know, or none: "c\"><x>" is not a language with junk removed.
        boolean named = LANGUAGE_NAME.matcher(firstWord).matches();
        codeBlock(block.getLiteral(), named ? CodeBlocks.normalizeLanguage(firstWord) : "");
    }

    @Override
    public void visit(IndentedCodeBlock block) {
        codeBlock(block.getLiteral(), "");
    }

    @Override
    public void visit(ThematicBreak rule) {
        out.markup("<hr>");
        out.markVisible();
    }

    @Override
    public void visit(HtmlBlock block) {
        // The parser is set not to make these; should one come, it is text like any other HTML.
        out.markup("<p>");
        out.text(block.getLiteral().strip());
        out.markup("</p>");
    }

    @Override
    public void visit(Text text) {
        String literal = text.getLiteral();
        if (inLink > 0) {
            out.text(literal);
            return;
        }
        int from = 0;
        for (LinkTargets.Span url = LinkTargets.nextBareUrl(literal, 0); url != null;
                url = LinkTargets.nextBareUrl(literal, from)) {
            mentions.write(literal, from, url.start(), out);
            String address = literal.substring(url.start(), url.end());
            link(address, () -> out.text(address));
            from = url.end();
        }
        mentions.write(literal, from, literal.length(), out);
    }

    @Override
    public void visit(Code code) {
        out.markup("<code>");
        out.text(code.getLiteral());
        out.markup("</code>");
    }

    @Override
    public void visit(Emphasis emphasis) {
        wrap("<em>", emphasis, "</em>");
    }

    @Override
    public void visit(StrongEmphasis strong) {
        wrap("<strong>", strong, "</strong>");
    }

    @Override
    public void visit(SoftLineBreak lineBreak) {
        out.markup("<br>");
    }

    @Override
    public void visit(HardLineBreak lineBreak) {
        out.markup("<br>");
    }

    @Override
    public void visit(Link link) {
        if (inLink > 0) {
            visitChildren(link);
            return;
        }
        String destination = link.getDestination();
        link(destination, () -> {
            if (link.getFirstChild() == null) {
                out.text(destination.strip());
            } else {
                visitChildren(link);
            }
        });
    }

    @Override
    public void visit(Image image) {
        String source = image.getDestination();
        Runnable altText = () -> {
            if (image.getFirstChild() == null) {
                out.text(source.strip());
            } else {
                visitChildren(image);
            }
        };
        if (inLink > 0) {
            altText.run();
        } else {
            link(source, altText);
        }
    }

    @Override
    public void visit(HtmlInline html) {
        // A tag may span lines; its line breaks show as Mattermost shows every other one.
        String[] lines = html.getLiteral().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.markup("<br>");
            }
            out.text(lines[i]);
        }
    }

    @Override
    public void visit(CustomBlock block) {
        if (block instanceof TableBlock) {
            wrap("<table>", block, "</table>");
        } else {
            visitChildren(block);
        }
    }

    @Override
    public void visit(CustomNode node) {
        switch (node) {
            case Strikethrough s -> wrap("<s>", s, "</s>");
            case TableHead head -> wrap("<thead>", head, "</thead>");
            case TableBody body -> wrap("<tbody>", body, "</tbody>");
            case TableRow row -> wrap("<tr>", row, "</tr>");
            case TableCell cell when cell.isHeader() -> wrap("<th>", cell, "</th>");
            case TableCell cell -> wrap("<td>", cell, "</td>");
            default -> visitChildren(node);
        }
    }

    /**
     * {@code <a href>} around what {@code content} writes when {@code destination} may be linked;
     * the content alone otherwise. Either way the content is written with links and mentions off.
     */
    private void link(String destination, Runnable content) {
        Optional<String> url = LinkTargets.allowed(destination, LINK_SCHEMES);
        url.ifPresent(u -> out.open("a", "href", u.replace(" ", "%20")));
        inLink++;
        try {
            content.run();
        } finally {
            inLink--;
        }
        url.ifPresent(u -> out.markup("</a>"));
    }

    private void codeBlock(String literal, String language) {
        // The parser ends the literal with the line break before the closing fence; Teams would show it.
        String code = literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
        out.markup("<pre>");
        if (language.isEmpty()) {
            out.markup("<code>");
        } else {
            out.open("code", "class", "language-" + language);
        }
        out.text(code);
        out.markup("</code></pre>");
    }

    private void wrap(String open, Node node, String close) {
        out.markup(open);
        visitChildren(node);
        out.markup(close);
    }

    private static boolean isInTightList(Paragraph paragraph) {
        return paragraph.getParent() instanceof ListItem item && item.getParent() instanceof ListBlock list
                && list.isTight();
    }
}
