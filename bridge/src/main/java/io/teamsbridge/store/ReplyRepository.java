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
 * Replies from Mattermost into Teams chats, by post id. Receiving one twice records it once; a
 * claim is one conditional update, so two instances never work on the same reply at once, and a
 * claim whose holder died runs out and is taken over.
 */
@Repository
public class ReplyRepository {
    private static final String COLUMNS = "SELECT post_id, mattermost_user_id, chat_id, root_post_id, posted_at, attempts, "
            + "next_attempt_at, claimed_until, send_started_at, outcome, detail, teams_message_id, delay_told, done FROM reply ";

    private final JdbcClient jdbc;

    public ReplyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a reply seen for the first time; false when it was recorded before (by any instance). */
    public boolean receive(String postId, String mattermostUserId, String chatId, String rootPostId, Instant postedAt,
            Instant now) {
        try {
            jdbc.sql("INSERT INTO reply (post_id, mattermost_user_id, chat_id, root_post_id, posted_at, received_at, done, "
                            + "attempts, next_attempt_at, delay_told) VALUES (?, ?, ?, ?, ?, ?, FALSE, 0, ?, FALSE)")
                    .params(postId, mattermostUserId, chatId, rootPostId, utc(postedAt), utc(now), utc(now))
                    .update();
            return true;
        } catch (DuplicateKeyException seenBefore) {
            return false;
        }
    }

    /**
     * Replies not finished yet, oldest post first, and of posts made in the same millisecond the one
     * recorded first (few: each is a person's message waiting seconds).
     */
    public List<Reply> unfinished(int limit) {
        return jdbc.sql(COLUMNS + "WHERE done = FALSE ORDER BY posted_at, seq FETCH FIRST " + limit + " ROWS ONLY")
                .query(ReplyRepository::map)
                .list();
    }

    public Optional<Reply> find(String postId) {
        return jdbc.sql(COLUMNS + "WHERE post_id = ?").param(postId).query(ReplyRepository::map).optional();
    }

    /** Claims the reply until {@code until} if it is due and nobody holds it; true when this caller got it. */
    public boolean claim(String postId, String claimant, Instant now, Instant until) {
        return jdbc.sql("UPDATE reply SET claimed_by = ?, claimed_until = ?, attempts = attempts + 1 WHERE post_id = ? "
                        + "AND done = FALSE AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until <= ?)")
                .params(claimant, utc(until), postId, utc(now), utc(now))
                .update() == 1;
    }

    /** Notes that a request which may send the reply is about to go out (kept from the first time). */
    public void sendStarting(String postId, Instant at) {
        jdbc.sql("UPDATE reply SET send_started_at = COALESCE(send_started_at, ?) WHERE post_id = ?")
                .params(utc(at), postId)
                .update();
    }

    /** Records what became of the reply; the writer is told next. */
    public void decide(String postId, String outcome, String detail, String teamsMessageId) {
        jdbc.sql("UPDATE reply SET outcome = ?, detail = ?, teams_message_id = ? WHERE post_id = ?")
                .params(outcome, detail == null ? null : truncate(detail), teamsMessageId, postId)
                .update();
    }

    /** Gives the reply back for another attempt at {@code at}; {@code delayTold} once the writer knows it is late. */
    public void retryAt(String postId, Instant at, boolean delayTold) {
        jdbc.sql("UPDATE reply SET next_attempt_at = ?, claimed_by = NULL, claimed_until = NULL, "
                        + "delay_told = (delay_told OR ?) WHERE post_id = ?")
                .params(utc(at), delayTold, postId)
                .update();
    }

    /** The reply is decided and its writer told. */
    public void finish(String postId, Instant at) {
        jdbc.sql("UPDATE reply SET done = TRUE, finished_at = ?, claimed_by = NULL, claimed_until = NULL WHERE post_id = ?")
                .params(utc(at), postId)
                .update();
    }

    /** Hands back the claims of a stopping instance, so another takes its replies at once. */
    public void release(String claimant) {
        jdbc.sql("UPDATE reply SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by = ? AND done = FALSE")
                .param(claimant)
                .update();
    }

    /** Replies waiting, and those finished since {@code since} by outcome, for the admin status. */
    public record Summary(long waiting, java.util.Map<String, Long> finishedByOutcome) {}

    public Summary summary(Instant since) {
        long waiting = jdbc.sql("SELECT COUNT(*) FROM reply WHERE done = FALSE").query(Long.class).single();
        java.util.Map<String, Long> finished = new java.util.TreeMap<>();
        jdbc.sql("SELECT outcome, COUNT(*) FROM reply WHERE done = TRUE AND finished_at >= ? GROUP BY outcome")
                .param(utc(since))
                .query((rs, n) -> finished.put(rs.getString(1), rs.getLong(2)))
                .list();
        return new Summary(waiting, finished);
    }

    /** Forgets finished replies older than {@code before}; returns how many. */
    public int deleteFinishedBefore(Instant before) {
        return jdbc.sql("DELETE FROM reply WHERE done = TRUE AND finished_at < ?").param(utc(before)).update();
    }

    private static String truncate(String detail) {
        return detail.length() <= 1024 ? detail : detail.substring(0, 1024);
    }

    private static Reply map(ResultSet rs, int row) throws SQLException {
        return new Reply(rs.getString("post_id"), rs.getString("mattermost_user_id"), rs.getString("chat_id"),
                rs.getString("root_post_id"), instant(rs, "posted_at"), rs.getInt("attempts"), instant(rs, "next_attempt_at"),
                instant(rs, "claimed_until"), instant(rs, "send_started_at"), rs.getString("outcome"), rs.getString("detail"),
                rs.getString("teams_message_id"), rs.getBoolean("delay_told"), rs.getBoolean("done"));
    }
}
