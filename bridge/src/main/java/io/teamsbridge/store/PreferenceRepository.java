package io.teamsbridge.store;

import static io.teamsbridge.store.AccountLinkRepository.utc;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Per-user settings as key/value pairs. */
@Repository
public class PreferenceRepository {
    private final JdbcClient jdbc;

    public PreferenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> find(String mattermostUserId, String key) {
        return jdbc.sql("SELECT pref_value FROM preference WHERE mattermost_user_id = ? AND pref_key = ?")
                .params(mattermostUserId, key)
                .query(String.class)
                .optional();
    }

    /** The users among the given ones whose value for the key is the given one. */
    public java.util.Set<String> usersWith(java.util.Collection<String> mattermostUserIds, String key, String value) {
        if (mattermostUserIds.isEmpty()) {
            return java.util.Set.of();
        }
        return java.util.Set.copyOf(jdbc.sql("SELECT mattermost_user_id FROM preference WHERE pref_key = :key "
                        + "AND pref_value = :value AND mattermost_user_id IN (:ids)")
                .param("key", key)
                .param("value", value)
                .param("ids", java.util.List.copyOf(mattermostUserIds))
                .query(String.class)
                .list());
    }

    /** Sets a value; an update first, then an insert, which both databases run the same way. */
    @Transactional
    public void put(String mattermostUserId, String key, String value, Instant at) {
        int updated = jdbc.sql("UPDATE preference SET pref_value = ?, updated_at = ? WHERE mattermost_user_id = ? AND pref_key = ?")
                .params(value, utc(at), mattermostUserId, key)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO preference (mattermost_user_id, pref_key, pref_value, updated_at) VALUES (?, ?, ?, ?)")
                    .params(mattermostUserId, key, value, utc(at))
                    .update();
        }
    }
}
