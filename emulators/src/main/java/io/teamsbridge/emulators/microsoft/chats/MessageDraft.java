package io.teamsbridge.emulators.microsoft.chats;

import java.util.List;

/**
 * A message someone is about to send.
 *
 * @param contentType {@code "html"} or {@code "text"}
 */
public record MessageDraft(String fromUserId, String contentType, String content, List<MessageMention> mentions,
        List<MessageAttachment> attachments) {

    public MessageDraft {
        mentions = List.copyOf(mentions);
        attachments = List.copyOf(attachments);
    }

    public static MessageDraft of(String fromUserId, String contentType, String content) {
        return new MessageDraft(fromUserId, contentType, content, List.of(), List.of());
    }
}
