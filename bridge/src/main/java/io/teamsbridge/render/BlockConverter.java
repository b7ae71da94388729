package io.teamsbridge.render;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Block-level HTML to Markdown blocks: paragraphs, headings, lists, quotes (including Teams reply
 * quotes), code blocks, tables, rules and attachments placed in the body. Inline runs between
 * blocks go to the {@link InlineConverter}.
 *
 * <p>Recursion is bounded like the inline converter's: past {@link InlineConverter#MAX_DEPTH}
 * levels a subtree is read as plain text.
 */
final class BlockConverter {
    private final RenderState state;
    private final InlineConverter inline;
    private final AttachmentRenderer attachments;

    BlockConverter(RenderState state, AttachmentRenderer attachments) {
        this.state = state;
        this.inline = new InlineConverter(state);
        this.attachments = attachments;
    }

    /** The Markdown blocks made from the children of {@code container}, in order. */
    List<String> blocks(Element container, int depth) {
        List<String> blocks = new ArrayList<>();
        if (depth > InlineConverter.MAX_DEPTH) {
            InlineBuilder text = new InlineBuilder(true, false);
            text.text(HtmlTags.visibleText(container), false);
            blocks.add(text.markdown());
            return blocks;
        }
        InlineBuilder paragraph = new InlineBuilder(true, false);
        for (Node child : container.childNodes()) {
            if (child instanceof Element e && !HtmlTags.isHidden(e) && (HtmlTags.isBlock(e) || HtmlTags.hasBlockInside(e))) {
                addParagraph(blocks, paragraph);
                paragraph = new InlineBuilder(true, false);
                blocks.addAll(block(e, depth + 1));
            } else {
                inline.node(child, paragraph, InlineConverter.Scope.ROOT, depth + 1);
            }
        }
        addParagraph(blocks, paragraph);
        return blocks;
    }

    private static void addParagraph(List<String> blocks, InlineBuilder paragraph) {
        if (!paragraph.isEmpty()) {
            blocks.add(paragraph.markdown());
        }
    }

    private List<String> block(Element e, int depth) {
        if (HtmlTags.isHeading(e)) {
            return List.of(heading(e, depth));
        }
        return switch (e.normalName()) {
            case "ul", "ol" -> List.of(list(e, depth));
            case "li" -> List.of(item(e, "- ", depth));
            case "blockquote" -> List.of(HtmlTags.hasItemType(e, "Reply") ? reply(e, depth) : MarkdownBlocks.quote(MarkdownBlocks.join(blocks(e, depth))));
            case "pre", "codeblock" -> List.of(CodeBlocks.fenced(CodeBlocks.text(e), CodeBlocks.language(e)));
            case "table" -> List.of(table(e, depth));
            case "hr" -> List.of("***");
            case "attachment" -> state.place(e.attr("id")).map(a -> attachments.inBody(a, state.fetched())).orElse(List.of());
            default -> blocks(e, depth);
        };
    }

    private String heading(Element e, int depth) {
        InlineBuilder text = new InlineBuilder(false, true);
        inline.children(e, text, InlineConverter.Scope.ROOT, depth);
        String markdown = text.markdown();
        return markdown.isEmpty() ? "" : "#".repeat(e.normalName().charAt(1) - '0') + " " + markdown;
    }

    /**
     * A list; items' continuation lines are indented by their marker's width, which is what makes
     * nested lists nest. A {@code <ul>} straight inside a {@code <ul>} (some editors write that)
     * nests under the item before it.
     */
    private String list(Element list, int depth) {
        boolean ordered = list.normalName().equals("ol");
        int number = ordered ? startOf(list) : 0;
        List<String> items = new ArrayList<>();
        int lastMarkerWidth = 2;
        for (Node child : list.childNodes()) {
            if (child instanceof TextNode text && text.isBlank()) {
                continue;
            }
            if (child instanceof Element e && HtmlTags.isHidden(e)) {
                continue;
            }
            if (child instanceof Element e && (e.normalName().equals("ul") || e.normalName().equals("ol")) && !items.isEmpty()) {
                String nested = list(e, depth + 1);
                if (!nested.isEmpty()) {
                    String indent = " ".repeat(lastMarkerWidth);
                    items.set(items.size() - 1, items.getLast() + "\n" + MarkdownBlocks.prefix(nested, indent, indent));
                }
                continue;
            }
            String marker = ordered ? number++ + ". " : "- ";
            String item = child instanceof Element e && e.normalName().equals("li") ? item(e, marker, depth + 1) : looseItem(child, marker, depth + 1);
            if (!item.isEmpty()) {
                items.add(item);
                lastMarkerWidth = marker.length();
            }
        }
        return String.join("\n", items);
    }

    private String item(Element li, String marker, int depth) {
        String content = MarkdownBlocks.joinTight(blocks(li, depth));
        if (content.isBlank()) {
            return "";
        }
        return MarkdownBlocks.prefix(content, marker, " ".repeat(marker.length()));
    }

    /** Content of a list that is not in an {@code <li>} (text or an element): an item of its own. */
    private String looseItem(Node node, String marker, int depth) {
        Element holder = new Element("li");
        holder.appendChild(node.clone());
        return item(holder, marker, depth);
    }

    private static int startOf(Element ol) {
        try {
            return Math.max(0, Integer.parseInt(ol.attr("start").strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /**
     * A Teams reply quote: the quoted person's name (in {@code itemprop="mri"}) and the preview of
     * what they wrote, as a quote naming who said it.
     */
    private String reply(Element quote, int depth) {
        Element who = quote.selectFirst("[itemprop=mri]");
        Element preview = quote.selectFirst("[itemprop=preview]");
        String body;
        if (preview != null) {
            body = MarkdownBlocks.join(blocks(preview, depth));
        } else {
            Element rest = quote.clone();
            rest.select("[itemprop=mri], [itemprop=time]").remove();
            body = MarkdownBlocks.join(blocks(rest, depth));
        }
        String name = who == null ? "" : HtmlTags.visibleText(who).strip().replaceAll("\\s+", " ");
        if (name.isEmpty()) {
            return MarkdownBlocks.quote(body);
        }
        String attribution = "**" + MarkdownEscaper.escape(name, '*', false) + "** wrote:";
        return MarkdownBlocks.quote(body.isEmpty() ? attribution : attribution + "\n" + body);
    }

    private String table(Element table, int depth) {
        List<List<String>> rows = new ArrayList<>();
        for (Element section : table.children()) {
            if (section.normalName().equals("tr")) {
                rows.add(row(section, depth + 1));
            } else if (List.of("thead", "tbody", "tfoot").contains(section.normalName())) {
                for (Element tr : section.children()) {
                    if (tr.normalName().equals("tr")) {
                        rows.add(row(tr, depth + 2));
                    }
                }
            }
        }
        String markdown = TableWriter.write(rows);
        Element caption = table.selectFirst("> caption");
        if (caption == null || caption.text().isBlank()) {
            return markdown;
        }
        InlineBuilder text = new InlineBuilder(true, true);
        inline.children(caption, text, InlineConverter.Scope.ROOT, depth);
        return MarkdownBlocks.join(List.of(text.markdown(), markdown));
    }

    private List<String> row(Element tr, int depth) {
        List<String> cells = new ArrayList<>();
        for (Element cell : tr.children()) {
            if (cell.normalName().equals("td") || cell.normalName().equals("th")) {
                InlineBuilder text = new InlineBuilder(false, true);
                inline.children(cell, text, InlineConverter.Scope.CELL, depth);
                cells.add(text.markdown());
            }
        }
        return cells;
    }
}
