package io.teamsbridge.notify;

import io.teamsbridge.config.NotificationsProperties;
import io.teamsbridge.microsoft.GraphClient;
import io.teamsbridge.microsoft.GraphWire;
import io.teamsbridge.store.CachedChat;
import io.teamsbridge.store.ChatCacheRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Chats and their members: from the cache while it is fresh, else from Graph in one call
 * ({@code GET /chats/{id}?$expand=members}). The cache is dropped when a member event arrives, and
 * when someone who is not a known member writes.
 */
@Component
class ChatDirectory {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<ChatInfo.Member>> MEMBERS = new TypeReference<>() {};

    private final ChatCacheRepository cache;
    private final GraphClient graph;
    private final Clock clock;
    private final Duration ttl;

    ChatDirectory(ChatCacheRepository cache, GraphClient graph, Clock clock, NotificationsProperties notifications) {
        this.cache = cache;
        this.graph = graph;
        this.clock = clock;
        this.ttl = notifications.chatCacheTtl();
    }

    /** The chat, from the cache or Graph. Throws GraphException when Graph cannot answer now. */
    ChatInfo get(String chatId) {
        Instant now = clock.instant();
        Optional<CachedChat> cached = cache.find(chatId).filter(c -> c.expiresAt().isAfter(now));
        if (cached.isPresent()) {
            CachedChat c = cached.get();
            return new ChatInfo(c.chatId(), c.chatType(), c.topic(), JSON.readValue(c.members(), MEMBERS), c.fetchedAt());
        }
        return read(chatId, now);
    }

    /** The chat as Graph describes it now, cached again. */
    ChatInfo refresh(String chatId) {
        return read(chatId, clock.instant());
    }

    private ChatInfo read(String chatId, Instant now) {
        GraphWire.Chat chat = graph.chatWithMembers(chatId);
        List<ChatInfo.Member> members = chat.members() == null ? List.of() : chat.members().stream()
                .filter(m -> m.userId() != null)
                .map(m -> new ChatInfo.Member(m.userId(), m.displayName()))
                .toList();
        ChatInfo info = new ChatInfo(chatId, Objects.requireNonNullElse(chat.chatType(), "unknownFutureValue"), chat.topic(), members,
                now);
        cache.save(new CachedChat(chatId, info.chatType(), info.topic(), JSON.writeValueAsString(members), now, now.plus(ttl)));
        return info;
    }

    void invalidate(String chatId) {
        cache.invalidate(chatId);
    }
}
