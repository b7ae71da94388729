package io.teamsbridge.emulators.microsoft.chats;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One chat message or system event, immutable; edits and deletes make new versions.
 *
 * @param id epoch milliseconds of creation as a string, unique and increasing, as Teams does
 * @param etag the version: the id at first, then the epoch milliseconds of each change
 * @param from the sender; null for system events
 * @param event what a system event reports; null for ordinary messages
 */
public record ChatMessage(String id, String chatId, String tenantId, long etag, Instant createdAt,
        Instant lastModifiedAt, @Nullable Instant lastEditedAt, @Nullable Instant deletedAt, @Nullable Sender from,
        String contentType, String content, List<MessageAttachment> attachments, List<MessageMention> mentions,
        @Nullable MembersChanged event) {

    /** Teams' body of every system event message. */
    static final String SYSTEM_EVENT_CONTENT = "<systemEventMessage/>";

    public ChatMessage {
        attachments = List.copyOf(attachments);
        mentions = List.copyOf(mentions);
    }

    /** @param displayName the name at send time, which Teams keeps even if the user is renamed */
    public record Sender(String userId, String displayName) {}

    /**
     * A {@code membersAddedEventMessageDetail} ({@code added}) or {@code membersDeletedEventMessageDetail}.
     *
     * @param initiatorUserId who added or removed them
     */
    public record MembersChanged(boolean added, List<String> userIds, String initiatorUserId) {
        public MembersChanged {
            userIds = List.copyOf(userIds);
        }
    }

    public boolean systemEvent() {
        return event != null;
    }

    public boolean deleted() {
        return deletedAt != null;
    }

    ChatMessage edited(String newContent, Instant at, long newEtag) {
        return new ChatMessage(id, chatId, tenantId, newEtag, createdAt, at, at, deletedAt, from, contentType,
                newContent, attachments, mentions, event);
    }

    /** Teams keeps a deleted message's envelope but not what it said. */
    ChatMessage deletedAt(Instant at, long newEtag) {
        return new ChatMessage(id, chatId, tenantId, newEtag, createdAt, at, lastEditedAt, at, from, contentType, "",
                List.of(), List.of(), event);
    }
}
