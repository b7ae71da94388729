package io.teamsbridge.store;

import static io.teamsbridge.store.AccountLinkRepository.instant;
import static io.teamsbridge.store.AccountLinkRepository.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What became of each (Teams message, Mattermost user): posted (with the post's id, for edits and
 * deletions), given up, or still pending with its last error. The pipeline skips users who already
 * have their post, so however often a notification is processed, the user gets one post.
 */
@Repository
public class DeliveryRepository {
    private static final String COLUMNS =
            "chat_id, message_id, mattermost_user_id, status, post_id, post_ids, created_at, updated_at, last_error";

    private final JdbcClient jdbc;
    private final GroupCommit writes;

    public DeliveryRepository(JdbcClient jdbc, GroupCommit writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    /**
     * Every delivery of any of these messages, in one statement: the pipeline asks once per batch
     * instead of once per recipient. Chats and messages are matched separately (the primary key's
     * leading column serves the lookup) and the caller pairs them up.
     */
    public List<Delivery> findForMessages(Collection<String> chatIds, Collection<String> messageIds) {
        if (chatIds.isEmpty() || messageIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM delivery WHERE chat_id IN (:chats) AND message_id IN (:messages)")
                .param("chats", List.copyOf(chatIds))
                .param("messages", List.copyOf(messageIds))
                .query(DeliveryRepository::map)
                .list();
    }

    public List<Delivery> findForMessage(String chatId, String messageId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM delivery WHERE chat_id = ? AND message_id = ? ORDER BY mattermost_user_id")
                .params(chatId, messageId)
                .query(DeliveryRepository::map)
                .list();
    }

    /** The posts made for one user, every part in order: what {@link #recordPosted} writes. */
    public record Posted(String chatId, String messageId, String mattermostUserId, List<String> postIds, Instant at) {}

    /** Records the posts made for this user, every part in order, in a commit of its own. */
    public void markPosted(String chatId, String messageId, String mattermostUserId, List<String> postIds, Instant now) {
        record(chatId, messageId, mattermostUserId, Delivery.Status.POSTED, postIds, null, now);
    }

    /** Records these posts in the caller's transaction (see {@link BatchSettlement}). */
    public void recordPosted(List<Posted> posted) {
        for (Posted p : posted) {
            if (insertIfAbsent(p.chatId(), p.messageId(), p.mattermostUserId(), Delivery.Status.POSTED, p.postIds(), null, p.at()) == 0) {
                setStatus(p.chatId(), p.messageId(), p.mattermostUserId(), Delivery.Status.POSTED, p.postIds(), null, p.at());
            }
        }
    }

    /** After an edit or a deletion in Teams: which parts are left (the others were removed). */
    public void keepParts(String chatId, String messageId, String mattermostUserId, List<String> postIds) {
        jdbc.sql("UPDATE delivery SET post_ids = ? WHERE chat_id = ? AND message_id = ? AND mattermost_user_id = ?")
                .params(String.join(" ", postIds), chatId, messageId, mattermostUserId)
                .update();
    }

    public void markEdited(String chatId, String messageId, String mattermostUserId, Instant now) {
        setStatus(chatId, messageId, mattermostUserId, Delivery.Status.EDITED, List.of(), null, now);
    }

    public void markDeleted(String chatId, String messageId, String mattermostUserId, Instant now) {
        setStatus(chatId, messageId, mattermostUserId, Delivery.Status.DELETED, List.of(), null, now);
    }

    /** Records that this user will not get this message (the post was refused for good). */
    public void markFailed(String chatId, String messageId, String mattermostUserId, String error, Instant now) {
        record(chatId, messageId, mattermostUserId, Delivery.Status.FAILED, List.of(), error, now);
    }

    /** Records the last error of a delivery that will be tried again; it stays PENDING. */
    public void noteError(String chatId, String messageId, String mattermostUserId, String error, Instant now) {
        record(chatId, messageId, mattermostUserId, Delivery.Status.PENDING, List.of(), error, now);
    }

    /**
     * Inserts the row, or updates the one an earlier attempt left: one statement on the usual path
     * (the first attempt). Posts finish on many threads at once, so these writes go through
     * {@link GroupCommit}: one commit for all of them.
     */
    private void record(String chatId, String messageId, String userId, Delivery.Status status, List<String> postIds,
            String error, Instant now) {
        writes.run(() -> {
            if (insertIfAbsent(chatId, messageId, userId, status, postIds, error, now) == 0) {
                setStatus(chatId, messageId, userId, status, postIds, error, now);
            }
        });
    }

    private int insertIfAbsent(String chatId, String messageId, String userId, Delivery.Status status, List<String> postIds,
            String error, Instant now) {
        return jdbc.sql("INSERT INTO delivery (" + COLUMNS + ") SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? FROM (VALUES (1)) AS one(x) "
                        + "WHERE NOT EXISTS (SELECT 1 FROM delivery WHERE chat_id = ? AND message_id = ? AND mattermost_user_id = ?)")
                .params(chatId, messageId, userId, status.name(), postIds.isEmpty() ? null : postIds.getFirst(),
                        postIds.isEmpty() ? null : String.join(" ", postIds), utc(now), utc(now), truncate(error), chatId,
                        messageId, userId)
                .update();
    }

    private int setStatus(String chatId, String messageId, String userId, Delivery.Status status, List<String> postIds,
            String error, Instant now) {
        String first = postIds.isEmpty() ? null : postIds.getFirst();
        String all = postIds.isEmpty() ? null : String.join(" ", postIds);
        return jdbc.sql("UPDATE delivery SET status = ?, post_id = COALESCE(?, post_id), post_ids = COALESCE(?, post_ids), "
                        + "last_error = ?, updated_at = ? WHERE chat_id = ? AND message_id = ? AND mattermost_user_id = ?")
                .params(status.name(), first, all, truncate(error), utc(now), chatId, messageId, userId)
                .update();
    }

    private static List<String> parts(String joined) {
        return joined == null || joined.isBlank() ? List.of() : List.of(joined.trim().split(" "));
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 1024 ? s : s.substring(0, 1024);
    }

    private static Delivery map(ResultSet rs, int row) throws SQLException {
        return new Delivery(rs.getString("chat_id"), rs.getString("message_id"), rs.getString("mattermost_user_id"),
                Delivery.Status.valueOf(rs.getString("status")), rs.getString("post_id"), parts(rs.getString("post_ids")),
                instant(rs, "created_at"),
                instant(rs, "updated_at"), rs.getString("last_error"));
    }
}
