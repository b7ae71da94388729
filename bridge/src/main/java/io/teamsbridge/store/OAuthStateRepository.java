package io.teamsbridge.store;

import static io.teamsbridge.store.AccountLinkRepository.instant;
import static io.teamsbridge.store.AccountLinkRepository.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Connect links. Each step is a guarded update whose row count says whether this caller won, so a
 * link is opened once and used once even when two requests race.
 */
@Repository
public class OAuthStateRepository {
    private static final String COLUMNS =
            "state_hash, mattermost_user_id, verifier_sealed, browser_hash, created_at, expires_at, opened_at, used_at";

    private final JdbcClient jdbc;

    public OAuthStateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(OAuthState state) {
        jdbc.sql("INSERT INTO oauth_state (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(state.stateHash(), state.mattermostUserId(), state.verifierSealed(), state.browserHash(),
                        utc(state.createdAt()), utc(state.expiresAt()), utc(state.openedAt()), utc(state.usedAt()))
                .update();
    }

    public Optional<OAuthState> find(String stateHash) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM oauth_state WHERE state_hash = ?")
                .param(stateHash)
                .query(OAuthStateRepository::map)
                .optional();
    }

    /** Marks the link opened by a browser; false when it was opened before or has expired. */
    public boolean markOpened(String stateHash, String browserHash, Instant now) {
        return jdbc.sql("UPDATE oauth_state SET opened_at = ?, browser_hash = ? "
                        + "WHERE state_hash = ? AND opened_at IS NULL AND used_at IS NULL AND expires_at > ?")
                .params(utc(now), browserHash, stateHash, utc(now))
                .update() == 1;
    }

    /** Consumes the state when Microsoft answers; false when used before or expired. */
    public boolean markUsed(String stateHash, Instant now) {
        return jdbc.sql("UPDATE oauth_state SET used_at = ? WHERE state_hash = ? AND used_at IS NULL AND expires_at > ?")
                .params(utc(now), stateHash, utc(now))
                .update() == 1;
    }

    /** Deletes links that expired before the given time; returns how many. */
    public int deleteExpiredBefore(Instant before) {
        return jdbc.sql("DELETE FROM oauth_state WHERE expires_at < ?").param(utc(before)).update();
    }

    private static OAuthState map(ResultSet rs, int row) throws SQLException {
        return new OAuthState(
                rs.getString("state_hash"),
                rs.getString("mattermost_user_id"),
                rs.getString("verifier_sealed"),
                rs.getString("browser_hash"),
                instant(rs, "created_at"),
                instant(rs, "expires_at"),
                instant(rs, "opened_at"),
                instant(rs, "used_at"));
    }
}
