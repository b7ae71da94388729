package io.teamsbridge.store;

import static io.teamsbridge.store.AccountLinkRepository.utc;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** Every value the user has set, by key. */
    public Map<String, String> of(String mattermostUserId) {
        return valuesOf(List.of(mattermostUserId)).getOrDefault(mattermostUserId, Map.of());
    }

    /** The values the given users have set, by user and key, in one query; users without any are absent. */
    public Map<String, Map<String, String>> valuesOf(Collection<String> mattermostUserIds) {
        if (mattermostUserIds.isEmpty()) {
            return Map.of();
        }
        Map<String, Map<String, String>> values = new HashMap<>();
        jdbc.sql("SELECT mattermost_user_id, pref_key, pref_value FROM preference WHERE mattermost_user_id IN (:ids)")
                .param("ids", List.copyOf(mattermostUserIds))
                .query(rs -> {
                    values.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
                });
        return values;
    }

    /** Sets values together; each an update first, then an insert, which both databases run the same way. */
    @Transactional
    public void putAll(String mattermostUserId, Map<String, String> values, Instant at) {
        values.forEach((key, value) -> {
            int updated = jdbc.sql("UPDATE preference SET pref_value = ?, updated_at = ? WHERE mattermost_user_id = ? AND pref_key = ?")
                    .params(value, utc(at), mattermostUserId, key)
                    .update();
            if (updated == 0) {
                jdbc.sql("INSERT INTO preference (mattermost_user_id, pref_key, pref_value, updated_at) VALUES (?, ?, ?, ?)")
                        .params(mattermostUserId, key, value, utc(at))
                        .update();
            }
        });
    }
}
