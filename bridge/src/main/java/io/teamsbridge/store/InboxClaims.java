package io.teamsbridge.store;

import static io.teamsbridge.store.AccountLinkRepository.utc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * oldest due items, the blockers (claimed items, and items waiting for a retry), and the choice
 * made in memory. A window of due items that are all blocked is passed over for the next, so a chat
 * backed up behind a retry does not starve the others.
 *
 * <p>Items waiting for a retry are few, and are read all at once through the {@code inbox_due}
 * index. Looking them up by the candidates' chats instead reads, on H2, every row those chats ever
 * had (its index takes an IN list on the first column only, and finished rows are kept a week), so
 * each claim grew with the table; that lookup is left for when more than {@value #WAITING_AT_ONCE}
 * items wait.
 */
@Repository
public class InboxClaims {
    private static final int WINDOWS = 5;
    static final int WAITING_AT_ONCE = 1_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public InboxClaims(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    private record Row(long id, String chatId, String messageId, String changeType) {}

    /** Claims up to {@code limit} due items for {@code claimant}, oldest first, each chat in order. */
    public List<InboxItem> claimDue(String claimant, Instant now, int limit) {
        return claimDue(claimant, now, limit, WAITING_AT_ONCE);
    }

    /** The same, reading waiting items all at once only when at most {@code waitingAtOnce} wait (tests lower it). */
    List<InboxItem> claimDue(String claimant, Instant now, int limit, int waitingAtOnce) {
        Boolean claimed = transactions.execute(status -> {
            jdbc.sql("SELECT name FROM leader_lease WHERE name = 'inbox-claim' FOR UPDATE").query(String.class).list();
            List<Long> chosen = choose(now, limit, waitingAtOnce);
            if (chosen.isEmpty()) {
                return false;
            }
            jdbc.sql("UPDATE inbox SET status = 'CLAIMED', claimed_by = :claimant, claimed_at = :now, attempts = attempts + 1 "
                            + "WHERE id IN (:ids) AND status = 'PENDING'")
                    .param("claimant", claimant)
                    .param("now", utc(now))
                    .param("ids", chosen)
                    .update();
            return true;
        });
        if (!Boolean.TRUE.equals(claimed)) {
            return List.of();
        }
        return jdbc.sql("SELECT " + InboxRepository.COLUMNS + " FROM inbox WHERE claimed_by = ? AND status = 'CLAIMED' ORDER BY id")
                .param(claimant)
                .query(InboxRepository::map)
                .list();
    }

    private List<Long> choose(Instant now, int limit, int waitingAtOnce) {
        List<Long> chosen = new ArrayList<>();
        Map<String, List<Row>> blockersByChat = new HashMap<>();
        for (Row claimedRow : rows("SELECT id, chat_id, message_id, change_type FROM inbox WHERE status = 'CLAIMED'", Map.of())) {
            blockersByChat.computeIfAbsent(claimedRow.chatId(), c -> new ArrayList<>()).add(claimedRow);
        }
        List<Row> allWaiting = rows("SELECT id, chat_id, message_id, change_type FROM inbox WHERE status = 'PENDING' "
                + "AND next_attempt_at > :now FETCH FIRST " + (waitingAtOnce + 1) + " ROWS ONLY", Map.of("now", utc(now)));
        boolean waitingKnown = allWaiting.size() <= waitingAtOnce;
        if (waitingKnown) {
            allWaiting.forEach(w -> blockersByChat.computeIfAbsent(w.chatId(), c -> new ArrayList<>()).add(w));
        }
        Set<String> waitingLookedUp = new java.util.HashSet<>();
        long after = 0;
        int window = limit * 4;
        for (int w = 0; w < WINDOWS && chosen.size() < limit; w++) {
            List<Row> due = rows("SELECT id, chat_id, message_id, change_type FROM inbox WHERE status = 'PENDING' "
                    + "AND next_attempt_at <= :now AND id > :after ORDER BY id FETCH FIRST " + window + " ROWS ONLY",
                    Map.of("now", utc(now), "after", after));
            if (due.isEmpty()) {
                break;
            }
            Set<String> chats = new LinkedHashSet<>();
            due.forEach(r -> chats.add(r.chatId()));
            chats.removeAll(waitingLookedUp);
            if (!waitingKnown && !chats.isEmpty()) {
                for (Row waiting : rows("SELECT id, chat_id, message_id, change_type FROM inbox WHERE chat_id IN (:chats) "
                        + "AND status = 'PENDING' AND next_attempt_at > :now", Map.of("chats", List.copyOf(chats), "now", utc(now)))) {
                    blockersByChat.computeIfAbsent(waiting.chatId(), c -> new ArrayList<>()).add(waiting);
                }
                waitingLookedUp.addAll(chats);
            }
            for (Row candidate : due) {
                if (chosen.size() == limit) {
                    break;
                }
                if (!blocked(candidate, blockersByChat.getOrDefault(candidate.chatId(), List.of()))) {
                    chosen.add(candidate.id());
                }
            }
            after = due.getLast().id();
            if (due.size() < window) {
                break;
            }
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
                rs.getString("change_type"))).list();
    }
}
