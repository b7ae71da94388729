package io.teamsbridge.render;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * A reply written in Mattermost (Mattermost-flavoured Markdown, {@code @username} mentions) to the
 * HTML body and {@code mentions} of a Teams chat message.
 *
 * <p>Parsed as CommonMark with GitHub's tables and {@code ~~strikethrough~~}, as Mattermost does;
 * HTML blocks are not recognised, so raw HTML stays inline and shows as text. Nesting is capped
 * ({@value #MAX_NESTED_BLOCKS} open blocks, so 8 levels of lists or 16 of quotes, and
 * {@value #MAX_NESTED_INLINES} nested inlines): deeper markers stay text, so no text is lost, and
 * the recursive writer cannot overflow the stack.
 *
 * <p>Size: Teams takes messages up to about 28 KB, counting the mentions too. The measure is the
 * UTF-8 length of the HTML plus, per mention, its names and id and {@value #MENTION_JSON_BYTES}
 * bytes of JSON around them; over the limit the result is {@link TeamsReply.TooLong}, never a cut
 * message. Thread-safe: it keeps no state between calls.
 */
public final class ReplyRenderer {
    /** 28 KB read as 28,000 bytes: Microsoft calls the limit approximate, so this errs low. */
    public static final int TEAMS_LIMIT_BYTES = 28_000;
    static final int MAX_NESTED_BLOCKS = 16;
    static final int MAX_NESTED_INLINES = 16;
    /**
     * One {@code mentions} entry without its values, comma included:
     * {@code {"id":,"mentionText":"","mentioned":{"user":{"displayName":"","id":"","userIdentityType":"aadUser"}}},}
     */
    static final int MENTION_JSON_BYTES = 102;

    /** Immutable and thread-safe, so one serves every call. */
    private static final Parser PARSER = Parser.builder()
            .extensions(List.of(StrikethroughExtension.builder().requireTwoTildes(true).build(), TablesExtension.create()))
            // Every core block type but HtmlBlock, so HTML is never a block of its own: it shows as text.
            .enabledBlockTypes(Set.of(Heading.class, ThematicBreak.class, FencedCodeBlock.class, IndentedCodeBlock.class,
                    BlockQuote.class, ListBlock.class))
            .maxOpenBlockParsers(MAX_NESTED_BLOCKS)
            .maxInlineNesting(MAX_NESTED_INLINES)
            .build();

    private final int limitBytes;

    public ReplyRenderer() {
        this(TEAMS_LIMIT_BYTES);
    }

    /** @param limitBytes the largest message to accept, measured as described above */
    public ReplyRenderer(int limitBytes) {
        if (limitBytes <= 0) {
            throw new IllegalArgumentException("limitBytes must be positive, was " + limitBytes);
        }
        this.limitBytes = limitBytes;
    }

    /**
     * @param markdown the reply as typed in Mattermost
     * @param people   the Teams accounts of the Mattermost users the reply may mention
     */
    public TeamsReply render(String markdown, MentionDirectory people) {
        Objects.requireNonNull(markdown, "markdown");
        Objects.requireNonNull(people, "people");
        Node document = PARSER.parse(markdown);
        ReplyHtmlWriter writer = new ReplyHtmlWriter(people);
        document.accept(writer);
        if (!writer.isVisible()) {
            return new TeamsReply.Blank();
        }
        String html = writer.html();
        List<ReplyMention> mentions = writer.mentions();
        int bytes = size(html, mentions);
        return bytes > limitBytes ? new TeamsReply.TooLong(bytes, limitBytes) : new TeamsReply.Ready(html, mentions);
    }

    private static int size(String html, List<ReplyMention> mentions) {
        long bytes = utf8Length(html);
        for (ReplyMention m : mentions) {
            bytes += MENTION_JSON_BYTES + Integer.toString(m.id()).length() + utf8Length(m.mentionText())
                    + utf8Length(m.displayName()) + utf8Length(m.teamsUserId());
        }
        return (int) Math.min(bytes, Integer.MAX_VALUE);
    }

    private static long utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
