package io.teamsbridge.store;

import static io.teamsbridge.store.AccountLinkRepository.utc;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The root post of each Teams chat's thread in a user's direct channel with the bot. */
@Repository
public class ChatThreadRepository {
    private final JdbcClient jdbc;

    public ChatThreadRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> rootOf(String mattermostUserId, String chatId) {
        return jdbc.sql("SELECT root_post_id FROM chat_thread WHERE mattermost_user_id = ? AND chat_id = ?")
                .params(mattermostUserId, chatId)
                .query(String.class)
                .optional();
    }

    /**
     * The recorded roots of these chats for these users, by chat and then user, in one query: a
     * batch of notifications reads its threads together instead of one query per post.
     */
    public Map<String, Map<String, String>> rootsIn(Collection<String> chatIds, Collection<String> mattermostUserIds) {
        Map<String, Map<String, String>> roots = new HashMap<>();
        if (chatIds.isEmpty() || mattermostUserIds.isEmpty()) {
            return roots;
        }
        jdbc.sql("SELECT chat_id, mattermost_user_id, root_post_id FROM chat_thread WHERE chat_id IN (:chats) "
                        + "AND mattermost_user_id IN (:users)")
                .param("chats", List.copyOf(chatIds))
                .param("users", List.copyOf(mattermostUserIds))
                .query(rs -> {
                    roots.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
                });
        return roots;
    }

    /**
     * Records the chat's root, unless one is recorded already: then that one is answered, and the
     * caller's is left unused.
     */
    public String remember(String mattermostUserId, String chatId, String rootPostId, String title, Instant at) {
        try {
            jdbc.sql("INSERT INTO chat_thread (mattermost_user_id, chat_id, root_post_id, title, created_at) VALUES (?, ?, ?, ?, ?)")
                    .params(mattermostUserId, chatId, rootPostId, title, utc(at))
                    .update();
            return rootPostId;
        } catch (DuplicateKeyException recordedFirst) {
            return rootOf(mattermostUserId, chatId).orElse(rootPostId);
        }
    }

    /** The root post and what it says, if the chat has a thread for the user. */
    public record Root(String postId, String title) {}

    public Optional<Root> root(String mattermostUserId, String chatId) {
        return jdbc.sql("SELECT root_post_id, title FROM chat_thread WHERE mattermost_user_id = ? AND chat_id = ?")
                .params(mattermostUserId, chatId)
                .query((rs, n) -> new Root(rs.getString(1), rs.getString(2)))
                .optional();
    }

    /** Whose thread a root post starts, and for which chat. */
    public record Thread(String mattermostUserId, String chatId) {}

    public Optional<Thread> byRoot(String rootPostId) {
        return jdbc.sql("SELECT mattermost_user_id, chat_id FROM chat_thread WHERE root_post_id = ?")
                .param(rootPostId)
                .query((rs, n) -> new Thread(rs.getString(1), rs.getString(2)))
                .optional();
    }

    /** The users who have at least one chat thread: where replies can be written. */
    public java.util.List<String> usersWithThreads() {
        return jdbc.sql("SELECT DISTINCT mattermost_user_id FROM chat_thread ORDER BY mattermost_user_id").query(String.class).list();
    }

    /** Forgets a root Mattermost no longer has; the next notification starts a new one. */
    public void forget(String mattermostUserId, String chatId, String rootPostId) {
        jdbc.sql("DELETE FROM chat_thread WHERE mattermost_user_id = ? AND chat_id = ? AND root_post_id = ?")
                .params(mattermostUserId, chatId, rootPostId)
                .update();
    }
}
