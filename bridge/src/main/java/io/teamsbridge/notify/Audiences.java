package io.teamsbridge.notify;

import io.teamsbridge.linking.ConnectedUsers;
import io.teamsbridge.notify.RecipientResolver.Candidate;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * [recipients] Who may hear of the new messages of a batch's chats, decided in one place: the
 * chat's members who are connected with notifications on ({@link RecipientResolver}, read for all
 * the batch's chats together), and their Teams presence, looked up for the whole batch in one call. Before anyone is notified from a
 * member list older than {@link #FRESH_FOR}, the list is read again, so a person removed from a
 * chat stops hearing of it within a minute (the cache otherwise keeps members for
 * {@code notifications.chat-cache-ttl}); that costs a Graph call only for chats someone is about to
 * hear of. Each chat's list is read again a little earlier than the minute, by up to
 * {@link #SPREAD}, fixed per chat: chats first read in the same second (after a start, say) are not
 * all read again in the same second, where Graph throttles the burst and the batch waits for its
 * retry.
 */
@Component
class Audiences {
    static final Duration FRESH_FOR = Duration.ofMinutes(1);
    static final Duration SPREAD = Duration.ofSeconds(20);

    private final ChatDirectory chats;
    private final RecipientResolver recipients;
    private final PresenceGate presence;
    private final ConnectedUsers connected;
    private final Clock clock;

    /** A chat's audience: the chat as last read, and its candidates. */
    record ForChat(ChatInfo chat, List<Candidate> candidates) {}

    /** The audiences of a batch: per chat, everyone's presence, and the chats that could not be looked up. */
    record Batch(Map<String, ForChat> chats, Map<String, PresenceGate.Seen> presence, Map<String, RuntimeException> failed) {}

    Audiences(ChatDirectory chats, RecipientResolver recipients, PresenceGate presence, ConnectedUsers connected, Clock clock) {
        this.chats = chats;
        this.connected = connected;
        this.recipients = recipients;
        this.presence = presence;
        this.clock = clock;
    }

    /** How long this chat's member list is used before it is read again: within {@link #SPREAD} below the minute. */
    static Duration freshFor(String chatId) {
        return FRESH_FOR.minusMillis(Math.floorMod(chatId.hashCode(), SPREAD.toMillis()));
    }

    /** @param chatIds the chats with new messages, each with the subscriptions their notifications came through */
    Batch of(Map<String, Set<String>> chatIds) {
        Map<String, ForChat> found = new HashMap<>();
        Map<String, RuntimeException> failed = new HashMap<>();
        Set<String> teamsIds = new HashSet<>();
        Map<String, String> connectedNow = chatIds.isEmpty() ? Map.of() : connected.accounts();
        Map<String, ChatInfo> infos = new HashMap<>();
        for (Map.Entry<String, Set<String>> chat : chatIds.entrySet()) {
            try {
                infos.put(chat.getKey(), chats.get(chat.getKey(), chat.getValue()));
            } catch (RuntimeException e) {
                failed.put(chat.getKey(), e);
            }
        }
        try {
            Map<String, List<Candidate>> candidates = infos.isEmpty() ? Map.of() : recipients.candidates(infos.values(), connectedNow);
            infos.forEach((chatId, info) -> {
                ForChat audience = new ForChat(info, candidates.getOrDefault(chatId, List.of()));
                found.put(chatId, audience);
                audience.candidates().stream().filter(c -> c.mayHear(info)).forEach(c -> teamsIds.add(c.teamsUserId()));
            });
        } catch (RuntimeException e) {
            infos.keySet().forEach(chatId -> failed.put(chatId, e));
        }
        Map<String, PresenceGate.Seen> seen = new HashMap<>(teamsIds.isEmpty() ? Map.of() : presence.presenceOf(teamsIds));
        Set<String> unseen = new HashSet<>();
        for (Map.Entry<String, ForChat> entry : Map.copyOf(found).entrySet()) {
            ForChat audience = entry.getValue();
            if (audience.chat().readAt() == null || audience.chat().readAt().plus(freshFor(entry.getKey())).isAfter(clock.instant())
                    || audience.candidates().stream().noneMatch(c -> c.holdsBack(audience.chat(), seen.get(c.teamsUserId())).isEmpty())) {
                continue;
            }
            try {
                ChatInfo fresh = chats.refresh(entry.getKey(), chatIds.get(entry.getKey()));
                ForChat updated = new ForChat(fresh, recipients.candidates(fresh, connectedNow));
                found.put(entry.getKey(), updated);
                updated.candidates().stream().filter(c -> c.mayHear(fresh)).map(Candidate::teamsUserId)
                        .filter(id -> !seen.containsKey(id)).forEach(unseen::add);
            } catch (RuntimeException e) {
                failed.put(entry.getKey(), e);
                found.remove(entry.getKey());
            }
        }
        if (!unseen.isEmpty()) {
            seen.putAll(presence.presenceOf(unseen)); // members added since the list was cached
        }
        return new Batch(found, seen, failed);
    }
}
