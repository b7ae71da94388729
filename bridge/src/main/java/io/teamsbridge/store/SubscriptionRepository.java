package io.teamsbridge.store;

import static io.teamsbridge.store.AccountLinkRepository.instant;
import static io.teamsbridge.store.AccountLinkRepository.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Our Graph subscriptions. */
@Repository
public class SubscriptionRepository {
    private static final String COLUMNS = "id, resource, notification_url, certificate_id, client_state_hash, expires_at, "
            + "created_at, renewed_at, status";

    private final JdbcClient jdbc;

    public SubscriptionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<GraphSubscription> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM graph_subscription WHERE id = ?").param(id)
                .query(SubscriptionRepository::map).optional();
    }

    public List<GraphSubscription> findActive() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM graph_subscription WHERE status = 'ACTIVE' ORDER BY created_at")
                .query(SubscriptionRepository::map).list();
    }

    public void insert(GraphSubscription s) {
        jdbc.sql("INSERT INTO graph_subscription (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(s.id(), s.resource(), s.notificationUrl(), s.certificateId(), s.clientStateHash(), utc(s.expiresAt()),
                        utc(s.createdAt()), utc(s.renewedAt()), s.status().name())
                .update();
    }

    public void renewed(String id, Instant expiresAt, Instant at) {
        jdbc.sql("UPDATE graph_subscription SET expires_at = ?, renewed_at = ? WHERE id = ?")
                .params(utc(expiresAt), utc(at), id).update();
    }

    public void markRemoved(String id) {
        jdbc.sql("UPDATE graph_subscription SET status = 'REMOVED' WHERE id = ?").param(id).update();
    }

    /** Forgets removed subscriptions whose notifications can no longer arrive. */
    public int deleteRemovedBefore(Instant expiredBefore) {
        return jdbc.sql("DELETE FROM graph_subscription WHERE status = 'REMOVED' AND expires_at < ?")
                .param(utc(expiredBefore)).update();
    }

    private static GraphSubscription map(ResultSet rs, int row) throws SQLException {
        return new GraphSubscription(rs.getString("id"), rs.getString("resource"), rs.getString("notification_url"),
                rs.getString("certificate_id"), rs.getString("client_state_hash"), instant(rs, "expires_at"),
                instant(rs, "created_at"), instant(rs, "renewed_at"),
                GraphSubscription.Status.valueOf(rs.getString("status")));
    }
}
