package io.teamsbridge.store;

import static io.teamsbridge.store.AccountLinkRepository.instant;
import static io.teamsbridge.store.AccountLinkRepository.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The inbox of change notifications. Every status change is a guarded update whose row count says
 * whether this caller still owned the row, so two workers never both finish the same item. The
 * still-encrypted notification lives in {@code inbox_payload} from arrival until the item is
 * finished, so status changes rewrite small rows.
 */
@Repository
public class InboxRepository {
    /** An item's columns, its payload included: {@code FROM inbox i LEFT JOIN inbox_payload p ON p.inbox_id = i.id}. */
    static final String COLUMNS = "i.id, i.subscription_id, i.change_type, i.chat_id, i.message_id, "
            + "COALESCE(p.payload, '') AS payload, i.received_at, i.status, i.attempts, i.next_attempt_at, i.claimed_by, i.last_error";
    static final String WITH_PAYLOAD = " FROM inbox i LEFT JOIN inbox_payload p ON p.inbox_id = i.id ";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final TransactionTemplate transactions;
    private final GroupCommit writes;

    public InboxRepository(JdbcClient jdbc, JdbcTemplate batches, TransactionTemplate transactions, GroupCommit writes) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.transactions = transactions;
        this.writes = writes;
    }

    /**
     * Stores a batch, skipping notifications already stored, and returns once it is committed: with
     * the batches of other requests arriving meanwhile, in one transaction ({@link GroupCommit}:
     * Graph sends many small requests, and each commit is a page store on H2). Returns how many rows
     * were new. Two deliveries of the same batch racing each other (the loser's insert meets the
     * winner's unique key) are resolved by trying again.
     */
    public int insertAll(List<NewInboxItem> items, Instant now) {
        return insertAll(items, List.of(), now).inserted();
    }

    /** What a request's store wrote: how many rows were new, and which settled messages (by de-duplication key) among them. */
    public record Stored(int inserted, Set<String> newlySettled) {}

    /**
     * As {@link #insertAll(List, Instant)}, with new messages that are finished as they arrive
     * ({@code settled}): stored as done, without their payloads (nothing will read them), in the
     * same commit. A settled message stored before (Graph delivered it again) is not among
     * {@link Stored#newlySettled}, so its caller records nothing twice.
     */
    public Stored insertAll(List<NewInboxItem> items, List<NewInboxItem> settled, Instant now) {
        for (int attempt = 1; ; attempt++) {
            try {
                Stored[] stored = new Stored[1];
                writes.run(() -> stored[0] = insertMissing(items, settled, now));
                return stored[0];
            } catch (DuplicateKeyException raced) {
                if (attempt >= 3) {
                    throw raced;
                }
            }
        }
    }

    private Stored insertMissing(List<NewInboxItem> items, List<NewInboxItem> settled, Instant now) {
        // Graph may repeat a notification inside one request: the first copy counts.
        Map<String, NewInboxItem> byKey = new java.util.LinkedHashMap<>();
        Set<String> settledKeys = new java.util.HashSet<>();
        items.forEach(item -> byKey.putIfAbsent(item.dedupeKey(), item));
        settled.forEach(done -> {
            if (byKey.putIfAbsent(done.dedupeKey(), done) == null) {
                settledKeys.add(done.dedupeKey());
            }
        });
        byKey.keySet().removeAll(openOrDone(byKey.keySet()));
        settledKeys.retainAll(byKey.keySet());
        if (byKey.isEmpty()) {
            return new Stored(0, Set.of());
        }
        // One batch per table, not a statement per notification: on PostgreSQL one round trip each.
        List<NewInboxItem> fresh = List.copyOf(byKey.values());
        OffsetDateTime at = utc(now);
        GeneratedKeyHolder ids = new GeneratedKeyHolder();
        batches.batchUpdate(connection -> connection.prepareStatement("INSERT INTO inbox (dedupe_key, subscription_id, "
                        + "change_type, chat_id, message_id, received_at, status, attempts, next_attempt_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)", new String[] {"id"}),
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(java.sql.PreparedStatement ps, int i) throws SQLException {
                        NewInboxItem item = fresh.get(i);
                        ps.setString(1, item.dedupeKey());
                        ps.setString(2, item.subscriptionId());
                        ps.setString(3, item.changeType());
                        ps.setString(4, item.chatId());
                        ps.setString(5, item.messageId());
                        ps.setObject(6, at);
                        ps.setString(7, settledKeys.contains(item.dedupeKey()) ? "DONE" : "PENDING");
                        ps.setObject(8, at);
                    }

                    @Override
                    public int getBatchSize() {
                        return fresh.size();
                    }
                }, ids);
        List<Map<String, Object>> keys = ids.getKeyList();
        if (keys.size() != fresh.size()) {
            throw new IllegalStateException("The database returned " + keys.size() + " ids for " + fresh.size() + " new items");
        }
        List<Integer> pending = new ArrayList<>(fresh.size());
        for (int i = 0; i < fresh.size(); i++) {
            if (!settledKeys.contains(fresh.get(i).dedupeKey())) {
                pending.add(i);
            }
        }
        if (!pending.isEmpty()) {
            batches.batchUpdate("INSERT INTO inbox_payload (inbox_id, payload) VALUES (?, ?)", new BatchPreparedStatementSetter() {
                @Override
                public void setValues(java.sql.PreparedStatement ps, int i) throws SQLException {
                    int row = pending.get(i);
                    ps.setLong(1, ((Number) keys.get(row).values().iterator().next()).longValue());
                    ps.setString(2, fresh.get(row).payload());
                }

                @Override
                public int getBatchSize() {
                    return pending.size();
                }
            });
        }
        return new Stored(fresh.size(), Set.copyOf(settledKeys));
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
        Integer done = transactions.execute(status -> {
            int updated = jdbc.sql("UPDATE inbox SET status = 'DONE', last_error = NULL "
                            + "WHERE id IN (:ids) AND status = 'CLAIMED' AND claimed_by = :claimant")
                    .param("ids", ids)
                    .param("claimant", claimant)
                    .update();
            dropFinishedPayloads(ids);
            return updated;
        });
        return done == null ? 0 : done;
    }

    /**
     * Deletes the payloads of those of these items that are finished (by this caller or, after a
     * lapsed claim, another). Two primary-key statements, the status checked in memory: H2 answers a
     * DELETE with an IN subquery by reading every payload, and a condition on the status by reading
     * every finished row through the status index.
     */
    private void dropFinishedPayloads(List<Long> ids) {
        List<Long> finished = jdbc.sql("SELECT id, status FROM inbox WHERE id IN (:ids)")
                .param("ids", ids)
                .query((rs, n) -> rs.getString(2).equals("DONE") || rs.getString(2).equals("FAILED") ? rs.getLong(1) : null)
                .list().stream().filter(java.util.Objects::nonNull).toList();
        if (!finished.isEmpty()) {
            jdbc.sql("DELETE FROM inbox_payload WHERE inbox_id IN (:ids)").param("ids", finished).update();
        }
    }

    public boolean reschedule(long id, String claimant, Instant nextAttemptAt, String error) {
        return jdbc.sql("UPDATE inbox SET status = 'PENDING', claimed_by = NULL, claimed_at = NULL, next_attempt_at = ?, "
                        + "last_error = ? WHERE id = ? AND status = 'CLAIMED' AND claimed_by = ?")
                .params(utc(nextAttemptAt), truncate(error), id, claimant)
                .update() == 1;
    }

    public boolean fail(long id, String claimant, String error) {
        // The still-encrypted message goes: a failed item is kept for its ids and its reason only.
        return Boolean.TRUE.equals(transactions.execute(status -> {
            boolean failed = jdbc.sql("UPDATE inbox SET status = 'FAILED', last_error = ? WHERE id = ? AND status = 'CLAIMED' "
                            + "AND claimed_by = ?")
                    .params(truncate(error), id, claimant)
                    .update() == 1;
            dropFinishedPayloads(List.of(id));
            return failed;
        }));
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
        return jdbc.sql("SELECT " + COLUMNS + WITH_PAYLOAD + "WHERE i.status = 'FAILED' ORDER BY i.received_at DESC, i.id DESC LIMIT ?")
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
