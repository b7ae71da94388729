package io.teamsbridge.store;

import static io.teamsbridge.store.AccountLinkRepository.instant;
import static io.teamsbridge.store.AccountLinkRepository.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The inbox of change notifications. Every status change is a guarded update whose row count says
 * whether this caller still owned the row, so two workers never both finish the same item.
 */
@Repository
public class InboxRepository {
    static final String COLUMNS = "id, subscription_id, change_type, chat_id, message_id, payload, received_at, "
            + "status, attempts, next_attempt_at, claimed_by, last_error";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final TransactionTemplate transactions;

    public InboxRepository(JdbcClient jdbc, JdbcTemplate batches, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.transactions = transactions;
    }

    /**
     * Stores a batch in one transaction, skipping notifications already stored. Returns how many rows
     * were new. Two deliveries of the same batch racing each other (the loser's insert meets the
     * winner's unique key) are resolved by trying again.
     */
    public int insertAll(List<NewInboxItem> items, Instant now) {
        for (int attempt = 1; ; attempt++) {
            try {
                Integer inserted = transactions.execute(status -> insertMissing(items, now));
                return inserted == null ? 0 : inserted;
            } catch (DuplicateKeyException raced) {
                if (attempt >= 3) {
                    throw raced;
                }
            }
        }
    }

    private int insertMissing(List<NewInboxItem> items, Instant now) {
        // Graph may repeat a notification inside one request: the first copy counts.
        Map<String, NewInboxItem> byKey = new java.util.LinkedHashMap<>();
        items.forEach(item -> byKey.putIfAbsent(item.dedupeKey(), item));
        byKey.keySet().removeAll(openOrDone(byKey.keySet()));
        if (byKey.isEmpty()) {
            return 0;
        }
        // One batch, not a statement per notification: on PostgreSQL one round trip for the request.
        OffsetDateTime at = utc(now);
        batches.batchUpdate("INSERT INTO inbox (dedupe_key, subscription_id, change_type, chat_id, message_id, payload, "
                + "received_at, status, attempts, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?)",
                List.copyOf(byKey.values()), byKey.size(), (ps, item) -> {
                    ps.setString(1, item.dedupeKey());
                    ps.setString(2, item.subscriptionId());
                    ps.setString(3, item.changeType());
                    ps.setString(4, item.chatId());
                    ps.setString(5, item.messageId());
                    ps.setString(6, item.payload());
                    ps.setObject(7, at);
                    ps.setObject(8, at);
                });
        return byKey.size();
    }

    /** Which of these de-duplication keys are stored already, whatever their status (a unique-index lookup each). */
    private Set<String> openOrDone(Collection<String> dedupeKeys) {
        return Set.copyOf(jdbc.sql("SELECT dedupe_key FROM inbox WHERE dedupe_key IN (:keys)")
                .param("keys", List.copyOf(dedupeKeys))
                .query(String.class)
                .list());
    }

    /** Extends the claims of batches still running, so the lease sweep leaves them alone. */
    public int renewClaims(Collection<String> claimants, Instant now) {
        if (claimants.isEmpty()) {
            return 0;
        }
        return jdbc.sql("UPDATE inbox SET claimed_at = :now WHERE status = 'CLAIMED' AND claimed_by IN (:claimants)")
                .param("now", utc(now))
                .param("claimants", List.copyOf(claimants))
                .update();
    }

    /** Hands the items of these claims back at once (a graceful shutdown): due now, for any instance. */
    public int releaseClaims(Collection<String> claimants, Instant now) {
        if (claimants.isEmpty()) {
            return 0;
        }
        return jdbc.sql("UPDATE inbox SET status = 'PENDING', claimed_by = NULL, claimed_at = NULL, next_attempt_at = :now "
                        + "WHERE status = 'CLAIMED' AND claimed_by IN (:claimants)")
                .param("now", utc(now))
                .param("claimants", List.copyOf(claimants))
                .update();
    }

    /**
     * Which of these de-duplication keys (deletions, as the caller builds them) belong to a
     * deletion received and not yet processed: a message deleted while its notification waited is
     * not posted at all. Unique-index lookups, whatever the backlog.
     */
    public Set<String> openKeys(Collection<String> dedupeKeys) {
        if (dedupeKeys.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("SELECT dedupe_key FROM inbox WHERE dedupe_key IN (:keys) AND status IN ('PENDING', 'CLAIMED')")
                .param("keys", List.copyOf(dedupeKeys))
                .query(String.class)
                .list());
    }

    /** Where a message's creation stands in the inbox. */
    public enum CreationState {
        /** Never received (or long since cleaned up). */
        ABSENT,
        /** Received and not finished yet. */
        OPEN,
        /** Received and finished (done or failed). */
        FINISHED
    }

    public CreationState creationState(String chatId, String messageId, String createdKey) {
        List<String> states = jdbc.sql("SELECT status FROM inbox WHERE dedupe_key = ? AND chat_id = ? AND message_id = ?")
                .params(createdKey, chatId, messageId)
                .query(String.class)
                .list();
        if (states.isEmpty()) {
            return CreationState.ABSENT;
        }
        return states.stream().anyMatch(st -> st.equals("PENDING") || st.equals("CLAIMED")) ? CreationState.OPEN
                : CreationState.FINISHED;
    }

    /** Makes every waiting item due now (delivery resumes after a pause). */
    public int makeDue(Instant now) {
        return jdbc.sql("UPDATE inbox SET next_attempt_at = ? WHERE status = 'PENDING' AND next_attempt_at > ?")
                .params(utc(now), utc(now))
                .update();
    }

    /**
     * Finishes items still claimed by {@code claimant}, in one statement; returns how many. Their
     * payloads (the still-encrypted messages) are dropped: only the ids and the de-duplication key
     * are kept, so a late redelivery by Graph is still recognised.
     */
    public int completeAll(List<Long> ids, String claimant) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("UPDATE inbox SET status = 'DONE', payload = '', last_error = NULL "
                        + "WHERE id IN (:ids) AND status = 'CLAIMED' AND claimed_by = :claimant")
                .param("ids", ids)
                .param("claimant", claimant)
                .update();
    }

    public boolean reschedule(long id, String claimant, Instant nextAttemptAt, String error) {
        return jdbc.sql("UPDATE inbox SET status = 'PENDING', claimed_by = NULL, claimed_at = NULL, next_attempt_at = ?, "
                        + "last_error = ? WHERE id = ? AND status = 'CLAIMED' AND claimed_by = ?")
                .params(utc(nextAttemptAt), truncate(error), id, claimant)
                .update() == 1;
    }

    public boolean fail(long id, String claimant, String error) {
        // The still-encrypted message goes: a failed item is kept for its ids and its reason only.
        return jdbc.sql("UPDATE inbox SET status = 'FAILED', payload = '', last_error = ? WHERE id = ? AND status = 'CLAIMED' "
                        + "AND claimed_by = ?")
                .params(truncate(error), id, claimant)
                .update() == 1;
    }

    /** Returns claimed items whose claim is older than the lease (their worker died) to PENDING. */
    public int releaseExpiredClaims(Instant claimedBefore) {
        return jdbc.sql("UPDATE inbox SET status = 'PENDING', claimed_by = NULL, claimed_at = NULL "
                        + "WHERE status = 'CLAIMED' AND claimed_at < ?")
                .param(utc(claimedBefore))
                .update();
    }

    /** Deletes finished items received before the given time; returns how many. */
    public int deleteDoneBefore(Instant receivedBefore) {
        return jdbc.sql("DELETE FROM inbox WHERE status = 'DONE' AND received_at < ?").param(utc(receivedBefore)).update();
    }

    /**
     * The inbox in one query, for metrics, health and the admin status: counts of the unfinished
     * items, when the oldest waiting one was received, and when the earliest pending one became due.
     * Finished items are not counted (there are many, and the {@code inbox_due} index skips them).
     */
    public InboxSnapshot snapshot() {
        return jdbc.sql("SELECT "
                        + "SUM(CASE WHEN status = 'PENDING' THEN 1 ELSE 0 END) AS pending, "
                        + "SUM(CASE WHEN status = 'CLAIMED' THEN 1 ELSE 0 END) AS claimed, "
                        + "SUM(CASE WHEN status = 'FAILED' THEN 1 ELSE 0 END) AS failed, "
                        + "MIN(CASE WHEN status <> 'FAILED' THEN received_at END) AS oldest_received, "
                        + "MIN(CASE WHEN status = 'PENDING' THEN next_attempt_at END) AS earliest_due "
                        + "FROM inbox WHERE status IN ('PENDING', 'CLAIMED', 'FAILED')")
                .query((rs, row) -> new InboxSnapshot(rs.getLong("pending"), rs.getLong("claimed"), rs.getLong("failed"),
                        java.util.Optional.ofNullable(instant(rs, "oldest_received")),
                        java.util.Optional.ofNullable(instant(rs, "earliest_due"))))
                .single();
    }

    /** The latest items that failed or were given up, newest first (for the admin status). */
    public List<InboxItem> latestFailed(int limit) {
        return jdbc.sql("SELECT * FROM inbox WHERE status = 'FAILED' ORDER BY received_at DESC, id DESC LIMIT ?")
                .param(limit)
                .query(InboxRepository::map)
                .list();
    }

    /** The earliest time at which a waiting item became due, if any is waiting (the {@code inbox_due} index answers it). */
    public java.util.Optional<Instant> earliestDueAt() {
        return jdbc.sql("SELECT MIN(next_attempt_at) FROM inbox WHERE status = 'PENDING'")
                .query((rs, row) -> instant(rs, 1))
                .optional();
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 1024 ? s : s.substring(0, 1024);
    }

    static InboxItem map(ResultSet rs, int row) throws SQLException {
        return new InboxItem(rs.getLong("id"), rs.getString("subscription_id"), rs.getString("change_type"),
                rs.getString("chat_id"), rs.getString("message_id"), rs.getString("payload"), instant(rs, "received_at"),
                InboxStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), instant(rs, "next_attempt_at"),
                rs.getString("claimed_by"), rs.getString("last_error"));
    }
}
