package io.teamsbridge.emulators.microsoft.chats;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A chat as it is at one moment; the store replaces it on every change, so a snapshot handed out
 * never changes under its reader.
 *
 * @param topic null for one-on-one chats and for group chats nobody named
 */
public record Chat(String id, ChatType chatType, @Nullable String topic, Instant createdAt, Instant lastUpdatedAt,
        String tenantId, List<ChatMember> members) {

    public Chat {
        members = List.copyOf(members);
    }

    public boolean hasMember(String userId) {
        return member(userId).isPresent();
    }

    public Optional<ChatMember> member(String userId) {
        return members.stream().filter(m -> m.userId().equals(userId)).findFirst();
    }

    Chat withMember(ChatMember member, Instant at) {
        List<ChatMember> more = new java.util.ArrayList<>(members);
        more.add(member);
        return new Chat(id, chatType, topic, createdAt, at, tenantId, more);
    }

    Chat withoutMember(String userId, Instant at) {
        return new Chat(id, chatType, topic, createdAt, at, tenantId,
                members.stream().filter(m -> !m.userId().equals(userId)).toList());
    }

    Chat touched(Instant at) {
        return new Chat(id, chatType, topic, createdAt, at, tenantId, members);
    }
}
