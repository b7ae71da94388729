package io.teamsbridge.sandbox;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Link;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Renders a Mattermost message's Markdown to HTML the way Mattermost shows it, closely enough to
 * judge the bridge's output: CommonMark with GFM tables, a single newline is a line break, raw
 * HTML is shown as text (Mattermost does not render it), and links open in a new tab.
 */
final class MarkdownView {
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .softbreak("<br>\n")
            .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                if (node instanceof Link) {
                    attributes.put("target", "_blank");
                    attributes.put("rel", "noopener");
                }
            })
            .build();

    String html(String markdown) {
        return renderer.render(parser.parse(markdown == null ? "" : markdown));
    }
}
