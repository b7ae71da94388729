package io.teamsbridge.store;

import static io.teamsbridge.store.AccountLinkRepository.utc;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The Teams chats each user muted. */
@Repository
public class ChatMuteRepository {
    private final JdbcClient jdbc;

    public ChatMuteRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A muted chat: its id, its name when muted, and when. */
    public record MutedChat(String chatId, String chatName, Instant mutedAt) {}

    /** Mutes the chat for the user; muting it again changes nothing. */
    public void mute(String mattermostUserId, String chatId, String chatName, Instant at) {
        try {
            jdbc.sql("INSERT INTO chat_mute (mattermost_user_id, chat_id, chat_name, muted_at) VALUES (?, ?, ?, ?)")
                    .params(mattermostUserId, chatId, chatName, utc(at))
                    .update();
        } catch (DuplicateKeyException mutedAlready) {
            // the earlier mute stands
        }
    }

    /** Whether the chat was muted (and now is not). */
    public boolean unmute(String mattermostUserId, String chatId) {
        return jdbc.sql("DELETE FROM chat_mute WHERE mattermost_user_id = ? AND chat_id = ?")
                .params(mattermostUserId, chatId)
                .update() > 0;
    }

    /** How many chats were unmuted. */
    public int unmuteAll(String mattermostUserId) {
        return jdbc.sql("DELETE FROM chat_mute WHERE mattermost_user_id = ?").param(mattermostUserId).update();
    }

    public boolean isMuted(String mattermostUserId, String chatId) {
        return jdbc.sql("SELECT COUNT(*) FROM chat_mute WHERE mattermost_user_id = ? AND chat_id = ?")
                .params(mattermostUserId, chatId)
                .query(Long.class)
                .single() > 0;
    }

    /** The user's muted chats, longest muted first. */
    public List<MutedChat> of(String mattermostUserId) {
        return jdbc.sql("SELECT chat_id, chat_name, muted_at FROM chat_mute WHERE mattermost_user_id = ? ORDER BY muted_at, chat_id")
                .param(mattermostUserId)
                .query((rs, n) -> new MutedChat(rs.getString(1), rs.getString(2),
                        rs.getObject(3, java.time.OffsetDateTime.class).toInstant()))
                .list();
    }

    /** Which of these users muted which of these chats, by chat, in one query (for a batch of chats). */
    public Map<String, Set<String>> mutedIn(Collection<String> chatIds, Collection<String> mattermostUserIds) {
        Map<String, Set<String>> muted = new HashMap<>();
        if (chatIds.isEmpty() || mattermostUserIds.isEmpty()) {
            return muted;
        }
        jdbc.sql("SELECT chat_id, mattermost_user_id FROM chat_mute WHERE chat_id IN (:chats) AND mattermost_user_id IN (:ids)")
                .param("chats", List.copyOf(chatIds))
                .param("ids", List.copyOf(mattermostUserIds))
                .query(rs -> {
                    muted.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
                });
        return muted;
    }
}
