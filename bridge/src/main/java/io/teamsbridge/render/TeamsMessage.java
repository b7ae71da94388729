package io.teamsbridge.render;

import java.util.List;
import java.util.Objects;

/**
 * What the renderer needs of a Teams chat message.
 *
 * @param contentType the body's content type, {@code "html"} or {@code "text"} (any other value is
 *                    read as HTML, since Graph sends HTML whenever there is any markup)
 * @param content     the body; null is read as empty
 * @param fetched     what was fetched of its hosted content ({@link FetchedContent#NONE} if nothing)
 */
public record TeamsMessage(String id, String chatId, String contentType, String content,
        List<TeamsMention> mentions, List<TeamsAttachment> attachments, FetchedContent fetched) {

    /** A message of which nothing was fetched. */
    public TeamsMessage(String id, String chatId, String contentType, String content, List<TeamsMention> mentions,
            List<TeamsAttachment> attachments) {
        this(id, chatId, contentType, content, mentions, attachments, FetchedContent.NONE);
    }

    public TeamsMessage {
        fetched = fetched == null ? FetchedContent.NONE : fetched;
        content = content == null ? "" : content;
        mentions = mentions == null ? List.of() : mentions.stream().filter(Objects::nonNull).toList();
        attachments = attachments == null ? List.of() : attachments.stream().filter(Objects::nonNull).toList();
    }

    /** The same message with what was fetched for it. */
    public TeamsMessage withFetched(FetchedContent content) {
        return new TeamsMessage(id, chatId, contentType, this.content, mentions, attachments, content);
    }

    /** Whether the body is plain text rather than HTML. */
    public boolean isPlainText() {
        return "text".equalsIgnoreCase(contentType);
    }
}
