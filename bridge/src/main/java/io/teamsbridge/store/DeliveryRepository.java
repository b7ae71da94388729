package io.teamsbridge.store;

import static io.teamsbridge.store.AccountLinkRepository.instant;
import static io.teamsbridge.store.AccountLinkRepository.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * At most one post per (Teams message, Mattermost user): a delivery is reserved before the post is
 * made, so however often a notification is processed, the user gets one post.
 */
@Repository
public class DeliveryRepository {
    private static final String COLUMNS =
            "chat_id, message_id, mattermost_user_id, status, post_id, created_at, updated_at, last_error";

    private final JdbcClient jdbc;

    public DeliveryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Delivery> find(String chatId, String messageId, String mattermostUserId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM delivery WHERE chat_id = ? AND message_id = ? AND mattermost_user_id = ?")
                .params(chatId, messageId, mattermostUserId)
                .query(DeliveryRepository::map)
                .optional();
    }

    public List<Delivery> findForMessage(String chatId, String messageId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM delivery WHERE chat_id = ? AND message_id = ? ORDER BY mattermost_user_id")
                .params(chatId, messageId)
                .query(DeliveryRepository::map)
                .list();
    }

    /** Reserves the delivery; false when it exists already (in any state). */
    public boolean reserve(String chatId, String messageId, String mattermostUserId, Instant now) {
        try {
            return jdbc.sql("INSERT INTO delivery (" + COLUMNS + ") SELECT ?, ?, ?, 'PENDING', NULL, ?, ?, NULL "
                            + "FROM (VALUES (1)) AS one(x) WHERE NOT EXISTS "
                            + "(SELECT 1 FROM delivery WHERE chat_id = ? AND message_id = ? AND mattermost_user_id = ?)")
                    .params(chatId, messageId, mattermostUserId, utc(now), utc(now), chatId, messageId, mattermostUserId)
                    .update() == 1;
        } catch (DuplicateKeyException raced) {
            return false;
        }
    }

    public void markPosted(String chatId, String messageId, String mattermostUserId, String postId, Instant now) {
        setStatus(chatId, messageId, mattermostUserId, Delivery.Status.POSTED, postId, null, now);
    }

    public void markEdited(String chatId, String messageId, String mattermostUserId, Instant now) {
        setStatus(chatId, messageId, mattermostUserId, Delivery.Status.EDITED, null, null, now);
    }

    public void markDeleted(String chatId, String messageId, String mattermostUserId, Instant now) {
        setStatus(chatId, messageId, mattermostUserId, Delivery.Status.DELETED, null, null, now);
    }

    public void markFailed(String chatId, String messageId, String mattermostUserId, String error, Instant now) {
        setStatus(chatId, messageId, mattermostUserId, Delivery.Status.FAILED, null, error, now);
    }

    /** Records the last error of a delivery that will be tried again. */
    public void noteError(String chatId, String messageId, String mattermostUserId, String error, Instant now) {
        jdbc.sql("UPDATE delivery SET last_error = ?, updated_at = ? WHERE chat_id = ? AND message_id = ? AND mattermost_user_id = ?")
                .params(truncate(error), utc(now), chatId, messageId, mattermostUserId)
                .update();
    }

    public long countPosted() {
        return jdbc.sql("SELECT COUNT(*) FROM delivery WHERE status IN ('POSTED', 'EDITED', 'DELETED')").query(Long.class).single();
    }

    public long countFailed() {
        return jdbc.sql("SELECT COUNT(*) FROM delivery WHERE status = 'FAILED'").query(Long.class).single();
    }

    private void setStatus(String chatId, String messageId, String userId, Delivery.Status status, String postId,
            String error, Instant now) {
        jdbc.sql("UPDATE delivery SET status = ?, post_id = COALESCE(?, post_id), last_error = ?, updated_at = ? "
                        + "WHERE chat_id = ? AND message_id = ? AND mattermost_user_id = ?")
                .params(status.name(), postId, truncate(error), utc(now), chatId, messageId, userId)
                .update();
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 1024 ? s : s.substring(0, 1024);
    }

    private static Delivery map(ResultSet rs, int row) throws SQLException {
        return new Delivery(rs.getString("chat_id"), rs.getString("message_id"), rs.getString("mattermost_user_id"),
                Delivery.Status.valueOf(rs.getString("status")), rs.getString("post_id"), instant(rs, "created_at"),
                instant(rs, "updated_at"), rs.getString("last_error"));
    }
}
