package io.teamsbridge.store;

import static io.teamsbridge.store.AccountLinkRepository.instant;
import static io.teamsbridge.store.AccountLinkRepository.utc;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Chats and their members, kept so that most notifications need no Graph call. */
@Repository
public class ChatCacheRepository {
    private final JdbcClient jdbc;

    public ChatCacheRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CachedChat> find(String chatId) {
        return jdbc.sql("SELECT chat_id, chat_type, topic, members, fetched_at, expires_at FROM chat_cache WHERE chat_id = ?")
                .param(chatId)
                .query((rs, row) -> new CachedChat(rs.getString("chat_id"), rs.getString("chat_type"), rs.getString("topic"),
                        rs.getString("members"), instant(rs, "fetched_at"), instant(rs, "expires_at")))
                .optional();
    }

    @Transactional
    public void save(CachedChat chat) {
        jdbc.sql("DELETE FROM chat_cache WHERE chat_id = ?").param(chat.chatId()).update();
        jdbc.sql("INSERT INTO chat_cache (chat_id, chat_type, topic, members, fetched_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(chat.chatId(), chat.chatType(), chat.topic(), chat.members(), utc(chat.fetchedAt()),
                        utc(chat.expiresAt()))
                .update();
    }

    public void invalidate(String chatId) {
        jdbc.sql("DELETE FROM chat_cache WHERE chat_id = ?").param(chatId).update();
    }
}
