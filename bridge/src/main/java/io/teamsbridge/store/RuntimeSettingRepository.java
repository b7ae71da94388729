package io.teamsbridge.store;

import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The settings administrators changed at run time (table {@code runtime_setting}). */
@Component
public class RuntimeSettingRepository {
    private final JdbcClient jdbc;

    public RuntimeSettingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** All of them, in one query (every instance reads this every few seconds). */
    public List<RuntimeSetting> findAll() {
        return jdbc.sql("SELECT name, setting, updated_by, updated_at FROM runtime_setting ORDER BY name")
                .query((rs, row) -> new RuntimeSetting(rs.getString(1), rs.getString(2), rs.getString(3),
                        AccountLinkRepository.instant(rs, "updated_at")))
                .list();
    }

    /** Sets the value, whoever set it before. */
    public void put(String name, String value, String updatedBy, Instant at) {
        int updated = jdbc.sql("UPDATE runtime_setting SET setting = ?, updated_by = ?, updated_at = ? WHERE name = ?")
                .params(value, updatedBy, AccountLinkRepository.utc(at), name).update();
        if (updated == 0) {
            try {
                jdbc.sql("INSERT INTO runtime_setting (name, setting, updated_by, updated_at) VALUES (?, ?, ?, ?)")
                        .params(name, value, updatedBy, AccountLinkRepository.utc(at)).update();
            } catch (DuplicateKeyException raced) {
                put(name, value, updatedBy, at); // another instance inserted it first: this change is the later one
            }
        }
    }
}
