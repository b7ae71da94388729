package io.teamsbridge.render;

import java.util.ArrayList;
import java.util.List;

/**
 * The whole notification: a header naming sender and chat, the message as Markdown, and a link
 * that opens the message in Teams; split into several posts, or shortened for edits, so that no
 * post is longer than Mattermost accepts (counted in code points, as Mattermost counts runes).
 */
public final class NotificationRenderer {
    /** Mattermost's default {@code MaxPostSize} in runes. */
    public static final int DEFAULT_MAX_POST_RUNES = 16383;
    /** Below this, a long header and deep link would leave no room for the message. */
    static final int MIN_MAX_POST_RUNES = 1000;

    private final int maxPostRunes;
    private final MarkdownRenderer markdown = new MarkdownRenderer();
    private final NotificationTemplate template = new NotificationTemplate();

    /** @param maxPostRunes Mattermost's {@code MaxPostSize} (default 16383); at least 1000 */
    public NotificationRenderer(int maxPostRunes) {
        if (maxPostRunes < MIN_MAX_POST_RUNES) {
            throw new IllegalArgumentException("maxPostRunes must be at least " + MIN_MAX_POST_RUNES + " (Mattermost allows 16383), got " + maxPostRunes);
        }
        this.maxPostRunes = maxPostRunes;
    }

    /**
     * A new message: one post, or several when too long, each within the limit. Parts after the
     * first say which part they are; parts before the last say that more follows; the last ends
     * with the link to Teams.
     */
    public List<String> render(TeamsMessage message, NotificationContext context) {
        String header = template.header(context);
        String link = template.linkLine(DeepLinks.chatMessage(context.teamsWebBase(), context.tenantId(), message.chatId(), message.id()));
        String body = markdown.render(message, context.mattermostUsernameOfTeamsUser());
        String single = MarkdownBlocks.join(List.of(header, body, link));
        if (PostSplitter.length(single) <= maxPostRunes) {
            return List.of(single);
        }
        List<String> chunks = chunks(header, body, link);
        int parts = chunks.size();
        List<String> posts = new ArrayList<>(parts);
        for (int i = 0; i < parts; i++) {
            String top = i == 0 ? header : template.continued(i + 1, parts);
            String bottom = i == parts - 1 ? link : template.continues(i + 1, parts);
            posts.add(clamp(MarkdownBlocks.join(List.of(top, chunks.get(i), bottom))));
        }
        return posts;
    }

    /** An edited message: the same header marked edited, shortened with a note when too long. */
    public String renderEdited(TeamsMessage message, NotificationContext context) {
        String header = template.editedHeader(context);
        String link = template.linkLine(DeepLinks.chatMessage(context.teamsWebBase(), context.tenantId(), message.chatId(), message.id()));
        String body = markdown.render(message, context.mattermostUsernameOfTeamsUser());
        String whole = MarkdownBlocks.join(List.of(header, body, link));
        if (PostSplitter.length(whole) <= maxPostRunes) {
            return whole;
        }
        String note = template.shortened();
        int budget = maxPostRunes - length(header, note, link) - 6;
        String first = PostSplitter.split(body, Math.max(budget, 1)).getFirst();
        return clamp(MarkdownBlocks.join(List.of(header, first, note, link)));
    }

    /** A post with a note added at its end, when the note still fits; otherwise the post as it was. */
    public String withNote(String post, String note) {
        String noted = MarkdownBlocks.join(List.of(post, note));
        return PostSplitter.length(noted) <= maxPostRunes ? noted : post;
    }

    /** What replaces the post of a message deleted in Teams. */
    public String renderDeleted(NotificationContext context) {
        return clamp(template.deleted(context));
    }

    /**
     * The body cut for the number of parts it needs; the notes' length depends on that number's
     * digits, so a budget is tried per digit count until the parts fit it.
     */
    private List<String> chunks(String header, String body, String link) {
        for (int digits = 1; ; digits++) {
            int most = (int) Math.min(Integer.MAX_VALUE, Math.pow(10, digits) - 1);
            int notes = Math.max(PostSplitter.length(template.continued(most, most)), PostSplitter.length(template.continues(most - 1, most)));
            int ends = Math.max(notes, PostSplitter.length(link));
            int budget = maxPostRunes - Math.max(PostSplitter.length(header), notes) - ends - 4;
            List<String> chunks = PostSplitter.split(body, Math.max(budget, 1));
            if (chunks.size() <= most) {
                return chunks;
            }
        }
    }

    private static int length(String... parts) {
        int total = 0;
        for (String part : parts) {
            total += PostSplitter.length(part);
        }
        return total;
    }

    /** A last guard: never hand Mattermost a post it would reject. */
    private String clamp(String post) {
        if (PostSplitter.length(post) <= maxPostRunes) {
            return post;
        }
        return post.substring(0, post.offsetByCodePoints(0, maxPostRunes));
    }
}
