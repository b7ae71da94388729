package io.teamsbridge.store;

import static io.teamsbridge.store.AccountLinkRepository.instant;
import static io.teamsbridge.store.AccountLinkRepository.utc;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The catch-up windows still to go through, their progress, and the heartbeat that reveals downtime. */
@Repository
public class CatchUpRepository {
    private static final String ALIVE = "alive";

    private final JdbcClient jdbc;

    public CatchUpRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void schedule(Instant from, Instant to, String reason, Instant now) {
        schedule(from, to, reason, now, null);
    }

    /** A window for one Teams user only, or for everyone when {@code teamsUserId} is null. */
    public void schedule(Instant from, Instant to, String reason, Instant now, String teamsUserId) {
        jdbc.sql("INSERT INTO catch_up (window_from, window_to, reason, status, recovered, graph_requests, created_at, teams_user_id) "
                        + "VALUES (?, ?, ?, 'PENDING', 0, 0, ?, ?)")
                .params(utc(from), utc(to), reason.length() > 256 ? reason.substring(0, 256) : reason, utc(now), teamsUserId)
                .update();
    }

    /** The oldest window not yet gone through. */
    public Optional<CatchUpWindow> next() {
        return jdbc.sql("SELECT id, window_from, window_to, reason, done_through_user, recovered, graph_requests, teams_user_id "
                        + "FROM catch_up "
                        + "WHERE status = 'PENDING' ORDER BY id FETCH FIRST 1 ROWS ONLY")
                .query((rs, row) -> new CatchUpWindow(rs.getLong("id"), instant(rs, "window_from"), instant(rs, "window_to"),
                        rs.getString("reason"), rs.getString("done_through_user"), rs.getInt("recovered"),
                        rs.getInt("graph_requests"), rs.getString("teams_user_id")))
                .optional();
    }

    /** Records that every user up to {@code user} (by Mattermost id) is done, with the running totals. */
    public void progress(long id, String user, int recovered, int graphRequests) {
        jdbc.sql("UPDATE catch_up SET done_through_user = ?, recovered = ?, graph_requests = ? WHERE id = ?")
                .params(user, recovered, graphRequests, id)
                .update();
    }

    public void finish(long id, int recovered, int graphRequests, Instant now) {
        jdbc.sql("UPDATE catch_up SET status = 'DONE', recovered = ?, graph_requests = ?, finished_at = ? WHERE id = ?")
                .params(recovered, graphRequests, utc(now), id)
                .update();
    }

    /** When the heartbeat was last written, if ever. */
    public Optional<Instant> lastAlive() {
        return jdbc.sql("SELECT at FROM bridge_state WHERE name = ?").param(ALIVE).query((rs, row) -> instant(rs, "at"))
                .optional();
    }

    public void touchAlive(Instant now) {
        if (jdbc.sql("UPDATE bridge_state SET at = ? WHERE name = ?").params(utc(now), ALIVE).update() == 0) {
            jdbc.sql("INSERT INTO bridge_state (name, at) SELECT ?, ? FROM (VALUES (1)) AS one(x) "
                            + "WHERE NOT EXISTS (SELECT 1 FROM bridge_state WHERE name = ?)")
                    .params(ALIVE, utc(now), ALIVE)
                    .update();
        }
    }
}
