package io.teamsbridge.emulators.microsoft.chats;

import java.util.List;

/**
 * A message someone is about to send.
 *
 * @param contentType {@code "html"} or {@code "text"}
 * @param hostedContents pasted images and code snippets; {@code hosted:N} in the content and in the
 *     attachments' content stands for the address of the N-th (from 0) once the message has an id
 */
public record MessageDraft(String fromUserId, String contentType, String content, List<MessageMention> mentions,
        List<MessageAttachment> attachments, List<Hosted> hostedContents) {

    /** A hosted content to be: its type and bytes. */
    public record Hosted(String contentType, byte[] bytes) {}

    public MessageDraft {
        mentions = List.copyOf(mentions);
        attachments = List.copyOf(attachments);
        hostedContents = List.copyOf(hostedContents);
    }

    public MessageDraft(String fromUserId, String contentType, String content, List<MessageMention> mentions,
            List<MessageAttachment> attachments) {
        this(fromUserId, contentType, content, mentions, attachments, List.of());
    }

    public static MessageDraft of(String fromUserId, String contentType, String content) {
        return new MessageDraft(fromUserId, contentType, content, List.of(), List.of(), List.of());
    }
}
