package io.teamsbridge.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Connected accounts. */
@Repository
public class AccountLinkRepository {
    private static final String COLUMNS = "mattermost_user_id, teams_user_id, teams_upn, teams_display_name, email, "
            + "tokens_sealed, access_expires_at, connected_at, refreshed_at, status, lost_at, last_error";

    private final JdbcClient jdbc;

    public AccountLinkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<AccountLink> findByMattermostUser(String mattermostUserId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account_link WHERE mattermost_user_id = ?")
                .param(mattermostUserId)
                .query(AccountLinkRepository::map)
                .optional();
    }

    public Optional<AccountLink> findByTeamsUser(String teamsUserId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account_link WHERE teams_user_id = ?")
                .param(teamsUserId)
                .query(AccountLinkRepository::map)
                .optional();
    }

    /** Connections Microsoft still accepts; lost ones hold no place under the connection limit. */
    public long countActive() {
        return jdbc.sql("SELECT COUNT(*) FROM account_link WHERE status = 'ACTIVE'").query(Long.class).single();
    }

    /** How many connections are active and how many lost, in one query (for metrics and the admin status). */
    public ConnectionCounts countByStatus() {
        return jdbc.sql("SELECT SUM(CASE WHEN status = 'ACTIVE' THEN 1 ELSE 0 END) AS active, "
                        + "SUM(CASE WHEN status = 'LOST' THEN 1 ELSE 0 END) AS lost FROM account_link")
                .query((rs, row) -> new ConnectionCounts(rs.getLong("active"), rs.getLong("lost")))
                .single();
    }

    /** Connections Microsoft accepts, and ones it no longer does (their owners were told to reconnect). */
    public record ConnectionCounts(long active, long lost) {}

    /** Active links whose tokens were last refreshed before the given time, oldest first. */
    public List<AccountLink> findActiveRefreshedBefore(Instant before, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account_link WHERE status = 'ACTIVE' AND refreshed_at < ? "
                        + "ORDER BY refreshed_at FETCH FIRST " + limit + " ROWS ONLY")
                .param(utc(before))
                .query(AccountLinkRepository::map)
                .list();
    }

    /**
     * Stores a new connection, replacing an earlier one of the same Mattermost user (a reconnect).
     * The unique Teams user id makes a second Mattermost account for the same Teams account fail
     * with a {@link org.springframework.dao.DuplicateKeyException}.
     */
    @Transactional
    public void connect(AccountLink link) {
        jdbc.sql("DELETE FROM account_link WHERE mattermost_user_id = ?").param(link.mattermostUserId()).update();
        jdbc.sql("INSERT INTO account_link (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(link.mattermostUserId(), link.teamsUserId(), link.teamsUpn(), link.teamsDisplayName(),
                        link.email(), link.tokensSealed(), utc(link.accessExpiresAt()), utc(link.connectedAt()),
                        utc(link.refreshedAt()), link.status().name(), utc(link.lostAt()), link.lastError())
                .update();
        nextGeneration();
    }

    /**
     * Saves refreshed tokens, but only onto the same active connection that was read: a user who
     * disconnected or reconnected meanwhile keeps what they have now.
     */
    public boolean updateTokens(String mattermostUserId, Instant connectedAt, String tokensSealed,
            Instant accessExpiresAt, Instant refreshedAt) {
        return jdbc.sql("UPDATE account_link SET tokens_sealed = ?, access_expires_at = ?, refreshed_at = ?, "
                        + "last_error = NULL WHERE mattermost_user_id = ? AND connected_at = ? AND status = 'ACTIVE'")
                .params(tokensSealed, utc(accessExpiresAt), utc(refreshedAt), mattermostUserId, utc(connectedAt))
                .update() == 1;
    }

    /** All connections, active and lost (for re-encrypting after a key rotation). */
    public List<AccountLink> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account_link ORDER BY mattermost_user_id").query(AccountLinkRepository::map).list();
    }

    /** Replaces the sealed tokens with the same tokens sealed under another key; false if they changed meanwhile. */
    public boolean reseal(String mattermostUserId, String oldSealed, String newSealed) {
        return jdbc.sql("UPDATE account_link SET tokens_sealed = ? WHERE mattermost_user_id = ? AND tokens_sealed = ?")
                .params(newSealed, mattermostUserId, oldSealed)
                .update() == 1;
    }

    /**
     * Marks an active connection lost. Returns true only for the call that changed it, so the user is
     * told once.
     */
    @Transactional
    public boolean markLost(String mattermostUserId, Instant connectedAt, Instant at, String error) {
        boolean changed = jdbc.sql("UPDATE account_link SET status = 'LOST', lost_at = ?, last_error = ? "
                        + "WHERE mattermost_user_id = ? AND connected_at = ? AND status = 'ACTIVE'")
                .params(utc(at), truncate(error, 1024), mattermostUserId, utc(connectedAt))
                .update() == 1;
        if (changed) {
            nextGeneration();
        }
        return changed;
    }

    @Transactional
    public boolean delete(String mattermostUserId) {
        boolean deleted = jdbc.sql("DELETE FROM account_link WHERE mattermost_user_id = ?").param(mattermostUserId).update() == 1;
        if (deleted) {
            nextGeneration();
        }
        return deleted;
    }

    /**
     * Grows whenever a connection is made, lost or removed, in the same transaction: whoever reads
     * a new generation reads the connections that caused it.
     */
    public long generation() {
        return jdbc.sql("SELECT generation FROM connection_generation WHERE id = 1").query(Long.class).single();
    }

    /** Every active connection: Teams user id to Mattermost user id. */
    public java.util.Map<String, String> activeAccounts() {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        jdbc.sql("SELECT teams_user_id, mattermost_user_id FROM account_link WHERE status = 'ACTIVE'")
                .query(rs -> {
                    out.put(rs.getString("teams_user_id"), rs.getString("mattermost_user_id"));
                });
        return out;
    }

    private void nextGeneration() {
        jdbc.sql("UPDATE connection_generation SET generation = generation + 1 WHERE id = 1").update();
    }

    /**
     * Times as the databases keep them: microseconds. H2 rounds finer values, so an untruncated
     * "now" could be stored a microsecond in the future and miss a "<= now" query.
     */
    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static AccountLink map(ResultSet rs, int row) throws SQLException {
        return new AccountLink(
                rs.getString("mattermost_user_id"),
                rs.getString("teams_user_id"),
                rs.getString("teams_upn"),
                rs.getString("teams_display_name"),
                rs.getString("email"),
                rs.getString("tokens_sealed"),
                instant(rs, "access_expires_at"),
                instant(rs, "connected_at"),
                instant(rs, "refreshed_at"),
                AccountLink.Status.valueOf(rs.getString("status")),
                instant(rs, "lost_at"),
                rs.getString("last_error"));
    }
}
