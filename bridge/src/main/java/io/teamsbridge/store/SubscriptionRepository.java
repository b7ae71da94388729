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

/** Our Graph subscriptions, and the users whose own subscription Graph refused. */
@Repository
public class SubscriptionRepository {
    private static final String COLUMNS = "id, resource, notification_url, certificate_id, client_state_hash, expires_at, "
            + "created_at, renewed_at, status, teams_user_id, held_with";

    private final JdbcClient jdbc;

    public SubscriptionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<GraphSubscription> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM graph_subscription WHERE id = ?").param(id)
                .query(SubscriptionRepository::map).optional();
    }

    /** The active tenant-wide subscriptions (normally one), oldest first. */
    public List<GraphSubscription> findActive() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM graph_subscription WHERE status = 'ACTIVE' AND teams_user_id IS NULL"
                        + " ORDER BY created_at")
                .query(SubscriptionRepository::map).list();
    }

    /** The active per-user subscriptions, oldest first. */
    public List<GraphSubscription> findActivePerUser() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM graph_subscription WHERE status = 'ACTIVE' AND teams_user_id IS NOT NULL"
                        + " ORDER BY created_at")
                .query(SubscriptionRepository::map).list();
    }

    /** Up to {@code limit} active per-user subscriptions that Graph confirmed longest ago (or never). */
    public List<String> perUserLeastRecentlyChecked(int limit) {
        return jdbc.sql("SELECT id FROM graph_subscription WHERE status = 'ACTIVE' AND teams_user_id IS NOT NULL"
                        + " ORDER BY COALESCE(checked_at, created_at), id LIMIT ?")
                .param(limit).query(String.class).list();
    }

    public void insert(GraphSubscription s) {
        jdbc.sql("INSERT INTO graph_subscription (" + COLUMNS + ", checked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(s.id(), s.resource(), s.notificationUrl(), s.certificateId(), s.clientStateHash(), utc(s.expiresAt()),
                        utc(s.createdAt()), utc(s.renewedAt()), s.status().name(), s.teamsUserId(), s.heldWith().name(),
                        utc(s.createdAt()))
                .update();
    }

    public void renewed(String id, Instant expiresAt, Instant at) {
        jdbc.sql("UPDATE graph_subscription SET expires_at = ?, renewed_at = ?, checked_at = ? WHERE id = ?")
                .params(utc(expiresAt), utc(at), utc(at), id).update();
    }

    /** Graph confirmed it still has the subscription. */
    public void checked(String id, Instant at) {
        jdbc.sql("UPDATE graph_subscription SET checked_at = ? WHERE id = ?").params(utc(at), id).update();
    }

    public void markRemoved(String id) {
        jdbc.sql("UPDATE graph_subscription SET status = 'REMOVED' WHERE id = ?").param(id).update();
    }

    /** Forgets removed subscriptions whose notifications can no longer arrive. */
    public int deleteRemovedBefore(Instant expiredBefore) {
        return jdbc.sql("DELETE FROM graph_subscription WHERE status = 'REMOVED' AND expires_at < ?")
                .param(utc(expiredBefore)).update();
    }

    /**
     * Records that Graph refused the user's subscription; true when this is news (no refusal was
     * on record), so the user is told once.
     */
    public boolean refused(String teamsUserId, String reason, Instant at, Instant retryAt) {
        String shortened = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
        int updated = jdbc.sql("UPDATE subscription_refusal SET reason = ?, retry_at = ? WHERE teams_user_id = ?")
                .params(shortened, utc(retryAt), teamsUserId).update();
        if (updated > 0) {
            return false;
        }
        try {
            jdbc.sql("INSERT INTO subscription_refusal (teams_user_id, reason, refused_at, retry_at) VALUES (?, ?, ?, ?)")
                    .params(teamsUserId, shortened, utc(at), utc(retryAt)).update();
            return true;
        } catch (org.springframework.dao.DuplicateKeyException raced) {
            return false;
        }
    }

    /** Users whose refusal still holds at {@code now}: not asked again yet. */
    public List<String> refusedUntilAfter(Instant now) {
        return jdbc.sql("SELECT teams_user_id FROM subscription_refusal WHERE retry_at > ?").param(utc(now))
                .query(String.class).list();
    }

    /** The user's subscription exists now, or they left: their refusal is history. */
    public void clearRefusal(String teamsUserId) {
        jdbc.sql("DELETE FROM subscription_refusal WHERE teams_user_id = ?").param(teamsUserId).update();
    }

    /** How many users Graph refused a subscription, with the latest reason (for doctor and admin). */
    public List<Refusal> refusals() {
        return jdbc.sql("SELECT teams_user_id, reason, refused_at, retry_at FROM subscription_refusal ORDER BY refused_at")
                .query((rs, row) -> new Refusal(rs.getString("teams_user_id"), rs.getString("reason"),
                        instant(rs, "refused_at"), instant(rs, "retry_at")))
                .list();
    }

    /** A user's subscription that Graph refused. */
    public record Refusal(String teamsUserId, String reason, Instant refusedAt, Instant retryAt) {}

    private static GraphSubscription map(ResultSet rs, int row) throws SQLException {
        return new GraphSubscription(rs.getString("id"), rs.getString("resource"), rs.getString("notification_url"),
                rs.getString("certificate_id"), rs.getString("client_state_hash"), instant(rs, "expires_at"),
                instant(rs, "created_at"), instant(rs, "renewed_at"),
                GraphSubscription.Status.valueOf(rs.getString("status")), rs.getString("teams_user_id"),
                GraphSubscription.HeldWith.valueOf(rs.getString("held_with")));
    }
}
