package io.teamsbridge.store;

import static io.teamsbridge.store.AccountLinkRepository.utc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Claims due inbox items for a worker, keeping each chat in order across workers and instances: an
 * item is left out while an earlier item of its chat is claimed or waiting for its retry, so an edit
 * or a deletion never overtakes its message (the one exception: a message's creation may pass its
 * own edit or deletion that Graph delivered first; those wait for it).
 *
 * <p>Claims are serialised by a row lock ({@code leader_lease} 'inbox-claim', held for the few
 * milliseconds of one claim), so what one claimer reads is never half of another's claim, on one
 * instance or many. Inside it, the work is index lookups, not a correlated subquery per row: the
 * blockers (claimed items, and items waiting for a retry), the oldest pending items a window at a
 * time, and the choice made in memory. A window whose items are all blocked is passed over for the
 * next, so a chat backed up behind a retry does not starve the others.
 *
 * <p>What each read costs stays independent of the backlog and of the finished rows kept for a
 * week: items waiting for a retry are few and are read all at once ({@code inbox_due}); pending
 * items are read in id order from {@code inbox_pending_order} and the read stops after a window
 * (due or not is checked in memory: a condition on {@code next_attempt_at} makes H2 prefer
 * {@code inbox_due}, read every due item and sort them, so each claim grew with the backlog).
 */
@Repository
public class InboxClaims {
    private static final int WINDOWS = 5;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public InboxClaims(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    private record Row(long id, String chatId, String messageId, String changeType, Instant nextAttemptAt) {}

    private static final String ROW = "SELECT id, chat_id, message_id, change_type, next_attempt_at FROM inbox ";

    /** Claims up to {@code limit} due items for {@code claimant}, oldest first, each chat in order. */
    public List<InboxItem> claimDue(String claimant, Instant now, int limit) {
        Boolean claimed = transactions.execute(status -> {
            jdbc.sql("SELECT name FROM leader_lease WHERE name = 'inbox-claim' FOR UPDATE").query(String.class).list();
            List<Long> chosen = choose(now, limit);
            if (chosen.isEmpty()) {
                return false;
            }
            jdbc.sql("UPDATE inbox SET status = 'CLAIMED', claimed_by = :claimant, claimed_at = :now, attempts = attempts + 1 "
                            + "WHERE id IN (:ids) AND status = 'PENDING' AND next_attempt_at <= :now")
                    .param("claimant", claimant)
                    .param("now", utc(now))
                    .param("ids", chosen)
                    .update();
            return true;
        });
        if (!Boolean.TRUE.equals(claimed)) {
            return List.of();
        }
        return jdbc.sql("SELECT " + InboxRepository.COLUMNS + InboxRepository.WITH_PAYLOAD
                        + "WHERE i.claimed_by = ? AND i.status = 'CLAIMED' ORDER BY i.id")
                .param(claimant)
                .query(InboxRepository::map)
                .list();
    }

    private List<Long> choose(Instant now, int limit) {
        Map<String, List<Row>> blockersByChat = new HashMap<>();
        List<Row> waiting = rows(ROW + "WHERE status = 'PENDING' AND next_attempt_at > :now", Map.of("now", utc(now)));
        List<Row> blockers = new ArrayList<>(rows(ROW + "WHERE status = 'CLAIMED'", Map.of()));
        blockers.addAll(waiting);
        for (Row blocker : blockers) {
            blockersByChat.computeIfAbsent(blocker.chatId(), c -> new ArrayList<>()).add(blocker);
        }
        List<Long> chosen = new ArrayList<>();
        int window = limit * 4;
        // Waiting items sit among the pending ones in id order: reading past them takes windows too.
        int windows = WINDOWS + waiting.size() / window;
        long after = 0;
        for (int w = 0; w < windows && chosen.size() < limit; w++) {
            List<Row> pending = rows(ROW + "WHERE status = 'PENDING' AND id > :after ORDER BY status, id FETCH FIRST " + window
                    + " ROWS ONLY", Map.of("after", after));
            for (Row candidate : pending) {
                if (chosen.size() == limit) {
                    break;
                }
                if (!candidate.nextAttemptAt().isAfter(now)
                        && !blocked(candidate, blockersByChat.getOrDefault(candidate.chatId(), List.of()))) {
                    chosen.add(candidate.id());
                }
            }
            if (pending.size() < window) {
                break;
            }
            after = pending.getLast().id();
        }
        return chosen;
    }

    /** Whether an open item before this one in its chat holds it back (a creation passes its own message's changes). */
    private static boolean blocked(Row candidate, List<Row> blockers) {
        for (Row blocker : blockers) {
            boolean ownChange = "created".equals(candidate.changeType()) && blocker.messageId().equals(candidate.messageId());
            if (blocker.id() < candidate.id() && !ownChange) {
                return true;
            }
        }
        return false;
    }

    private List<Row> rows(String sql, Map<String, Object> params) {
        var statement = jdbc.sql(sql);
        for (Map.Entry<String, Object> p : params.entrySet()) {
            statement = statement.param(p.getKey(), p.getValue());
        }
        return statement.query((rs, n) -> new Row(rs.getLong("id"), rs.getString("chat_id"), rs.getString("message_id"),
                rs.getString("change_type"), AccountLinkRepository.instant(rs, "next_attempt_at"))).list();
    }
}
