package io.teamsbridge.notify;

import io.teamsbridge.config.NotificationsProperties;
import io.teamsbridge.microsoft.GraphWire;
import io.teamsbridge.store.CachedChat;
import io.teamsbridge.store.ChatCacheRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Chats and their members: from the cache while it is fresh, else from Graph in one call
 * ({@code GET /chats/{id}?$expand=members}). The cache is dropped when a member event arrives, and
 * when someone who is not a known member writes.
 *
 * <p>The cache is the database's ({@code notifications.chat-cache-ttl}, shared by the instances and
 * kept across restarts), with each instance keeping what it read in memory for at most
 * {@link #IN_MEMORY} more, so the chats of a busy tenant cost no query and no parse per message. A
 * member change another instance saw reaches this one's memory within that minute.
 */
@Component
class ChatDirectory {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<ChatInfo.Member>> MEMBERS = new TypeReference<>() {};

    private final ChatCacheRepository cache;
    private final ChatReader reader;
    private final Clock clock;
    private final Duration ttl;
    static final Duration IN_MEMORY = Duration.ofMinutes(1);
    /** A bound on the chats kept in memory; past it, what has expired goes, and if that is not enough, everything. */
    private static final int MAX_IN_MEMORY = 50_000;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    /** A chat as read, and until when this instance may use it without reading it again. */
    private record Known(ChatInfo info, Instant until) {}

    ChatDirectory(ChatCacheRepository cache, ChatReader reader, Clock clock, NotificationsProperties notifications) {
        this.cache = cache;
        this.reader = reader;
        this.clock = clock;
        this.ttl = notifications.chatCacheTtl();
    }

    /**
     * The chat, from the cache or Graph (asked as {@link ChatReader} decides, given the
     * subscriptions its notifications came through). Throws GraphException when Graph cannot answer now.
     */
    ChatInfo get(String chatId, Collection<String> viaSubscriptions) {
        Instant now = clock.instant();
        Optional<ChatInfo> inMemory = known(chatId, now);
        if (inMemory.isPresent()) {
            return inMemory.get();
        }
        Optional<CachedChat> cached = cache.find(chatId).filter(c -> c.expiresAt().isAfter(now));
        if (cached.isPresent()) {
            CachedChat c = cached.get();
            ChatInfo info = new ChatInfo(c.chatId(), c.chatType(), c.topic(), JSON.readValue(c.members(), MEMBERS), c.fetchedAt());
            remember(info, c.expiresAt(), now);
            return info;
        }
        return read(chatId, viaSubscriptions, now);
    }

    /** The chat if this instance has it in memory and fresh; never a query or a Graph call. */
    Optional<ChatInfo> known(String chatId) {
        return known(chatId, clock.instant());
    }

    private Optional<ChatInfo> known(String chatId, Instant now) {
        Known k = known.get(chatId);
        return k != null && k.until().isAfter(now) ? Optional.of(k.info()) : Optional.empty();
    }

    private void remember(ChatInfo info, Instant expiresAt, Instant now) {
        if (known.size() >= MAX_IN_MEMORY) {
            known.values().removeIf(k -> !k.until().isAfter(now));
            if (known.size() >= MAX_IN_MEMORY) {
                known.clear();
            }
        }
        Instant until = now.plus(IN_MEMORY);
        known.put(info.chatId(), new Known(info, expiresAt.isBefore(until) ? expiresAt : until));
    }

    /** The chat as Graph describes it now, cached again. */
    ChatInfo refresh(String chatId, Collection<String> viaSubscriptions) {
        return read(chatId, viaSubscriptions, clock.instant());
    }

    private ChatInfo read(String chatId, Collection<String> viaSubscriptions, Instant now) {
        GraphWire.Chat chat = reader.read(chatId, viaSubscriptions);
        List<ChatInfo.Member> members = chat.members() == null ? List.of() : chat.members().stream()
                .filter(m -> m.userId() != null)
                .map(m -> new ChatInfo.Member(m.userId(), m.displayName()))
                .toList();
        ChatInfo info = new ChatInfo(chatId, Objects.requireNonNullElse(chat.chatType(), "unknownFutureValue"), chat.topic(), members,
                now);
        cache.save(new CachedChat(chatId, info.chatType(), info.topic(), JSON.writeValueAsString(members), now, now.plus(ttl)));
        remember(info, now.plus(ttl), now);
        return info;
    }

    void invalidate(String chatId) {
        known.remove(chatId);
        cache.invalidate(chatId);
    }
}
