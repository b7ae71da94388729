package io.teamsbridge.store;

import static io.teamsbridge.store.AccountLinkRepository.utc;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The recent decisions per user. Written in batches; read ten at a time; deleted by age. */
@Repository
public class DecisionRepository {
    private static final int MAX_TEXT = 250;

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    public DecisionRepository(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /**
     * A decision made on a retry, and when its message was received: it replaces an earlier decision
     * about the same user and message, which can only have been made since then.
     */
    public record Replacing(Decision decision, Instant messageReceivedAt) {}

    /** Instances' clocks differ: an earlier decision is looked for from this long before the message was received. */
    private static final java.time.Duration CLOCK_SLACK = java.time.Duration.ofHours(1);

    /**
     * Records them in one batch. A decision made on a retry ({@code replacing}) replaces an earlier
     * one about the same user and message: a retry decides again for the users it still concerns,
     * and the list must show each message once, as it ended. A first attempt cannot have an earlier
     * decision (a message is one inbox item however it arrived), so {@code fresh} ones skip that
     * lookup: most decisions are made once.
     */
    public void insertAll(List<Decision> fresh, List<Replacing> replacing) {
        if (!replacing.isEmpty()) {
            batches.batchUpdate("DELETE FROM decision WHERE mattermost_user_id = ? AND decided_at >= ? AND chat_id = ? "
                    + "AND message_id = ?", replacing, replacing.size(), (ps, r) -> {
                        ps.setString(1, r.decision().mattermostUserId());
                        ps.setObject(2, utc(r.messageReceivedAt().minus(CLOCK_SLACK)));
                        ps.setString(3, r.decision().chatId());
                        ps.setString(4, r.decision().messageId());
                    });
        }
        List<Decision> all = new java.util.ArrayList<>(fresh);
        replacing.forEach(r -> all.add(r.decision()));
        if (all.isEmpty()) {
            return;
        }
        batches.batchUpdate("INSERT INTO decision (mattermost_user_id, decided_at, chat_id, message_id, chat_label, "
                + "sender_name, outcome, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", all, all.size(), (ps, d) -> {
                    ps.setString(1, d.mattermostUserId());
                    ps.setObject(2, utc(d.decidedAt()));
                    ps.setString(3, d.chatId());
                    ps.setString(4, d.messageId());
                    ps.setString(5, cut(d.chatLabel()));
                    ps.setString(6, cut(d.senderName()));
                    ps.setString(7, d.outcome().name());
                    ps.setString(8, cut(d.detail()));
                });
    }

    /**
     * A message whose delivery was still being retried is given up: every user it was pending for
     * is told so, with the reason, at the place in their list the message already has.
     */
    public int giveUp(String chatId, String messageId, String detail) {
        return jdbc.sql("UPDATE decision SET outcome = 'GAVE_UP', detail = ? WHERE chat_id = ? AND message_id = ? AND outcome = 'RETRYING'")
                .params(cut(detail), chatId, messageId).update();
    }

    /** Everyone's latest decisions with this outcome since a time, newest first (for the admin status). */
    public List<Decision> latestWithOutcome(Decision.Outcome outcome, Instant since, int limit) {
        return jdbc.sql("SELECT mattermost_user_id, decided_at, chat_id, message_id, chat_label, sender_name, outcome, detail "
                        + "FROM decision WHERE outcome = ? AND decided_at >= ? ORDER BY decided_at DESC, id DESC LIMIT ?")
                .params(outcome.name(), AccountLinkRepository.utc(since), limit)
                .query((rs, n) -> new Decision(rs.getString(1), rs.getObject(2, java.time.OffsetDateTime.class).toInstant(),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), outcome(rs.getString(7)), rs.getString(8)))
                .list();
    }

    /** The user's latest decisions, newest first. */
    public List<Decision> latest(String mattermostUserId, int limit) {
        return jdbc.sql("SELECT mattermost_user_id, decided_at, chat_id, message_id, chat_label, sender_name, outcome, detail "
                        + "FROM decision WHERE mattermost_user_id = ? ORDER BY decided_at DESC, id DESC LIMIT ?")
                .params(mattermostUserId, limit)
                .query((rs, n) -> new Decision(rs.getString(1), rs.getObject(2, java.time.OffsetDateTime.class).toInstant(),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), outcome(rs.getString(7)), rs.getString(8)))
                .list();
    }

    public int deleteBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM decision WHERE decided_at < ?").param(utc(cutoff)).update();
    }

    /** A code a later version may have written counts as given up, so it is still listed. */
    private static Decision.Outcome outcome(String code) {
        try {
            return Decision.Outcome.valueOf(code);
        } catch (IllegalArgumentException e) {
            return Decision.Outcome.GAVE_UP;
        }
    }

    private static String cut(String text) {
        String value = text == null ? "" : text;
        return value.length() <= MAX_TEXT ? value : value.substring(0, MAX_TEXT - 1) + "…";
    }
}
