package io.teamsbridge.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamsbridge.testing.TestDatabase;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * V18 puts the message before the chat in the inbox's de-duplication key and keeps what was stored
 * before: a redelivery of a message received before an upgrade is still recognised.
 */
class KeyOrderMigrationsIT {
    private static final OffsetDateTime AT = OffsetDateTime.of(2026, 12, 6, 9, 0, 0, 0, ZoneOffset.UTC);

    private SingleConnectionDataSource dataSource;

    @AfterEach
    void close() {
        if (dataSource != null) {
            dataSource.destroy();
        }
    }

    /** A new database of the kind under test, migrated as a bridge before V18 left it. */
    private JdbcClient atVersion17() {
        Map<String, String> database = TestDatabase.create().properties();
        dataSource = new SingleConnectionDataSource(database.get("spring.datasource.url"), database.get("spring.datasource.username"),
                database.get("spring.datasource.password"), true);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("17").load().migrate();
        return JdbcClient.create(dataSource);
    }

    private void migrate() {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    @Test
    void inboxKeysStoredBeforeAreReorderedLikeNewOnes() {
        JdbcClient jdbc = atVersion17();
        insertInbox(jdbc, "created|19:a1b2@thread.v2|1733475600123|", "created", "19:a1b2@thread.v2", "1733475600123");
        insertInbox(jdbc, "updated|19:a1b2@thread.v2|1733475600123|5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8",
                "updated", "19:a1b2@thread.v2", "1733475600123");
        insertInbox(jdbc, "deleted|19:meeting_x|y@thread.v2|1733475600999|", "deleted", "19:meeting_x|y@thread.v2", "1733475600999");
        String hashed = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        insertInbox(jdbc, hashed, "created", "19:c3@thread.v2", "1733475601000");
        insertInbox(jdbc, "created|19:other@thread.v2|1|", "created", "19:c4@thread.v2", "1733475602000");

        migrate();

        assertThat(jdbc.sql("SELECT dedupe_key FROM inbox ORDER BY id").query(String.class).list()).containsExactly(
                "created|1733475600123|19:a1b2@thread.v2|",
                "updated|1733475600123|19:a1b2@thread.v2|5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8",
                "deleted|1733475600999|19:meeting_x|y@thread.v2|",
                hashed,
                "created|19:other@thread.v2|1|");
    }

    private static void insertInbox(JdbcClient jdbc, String key, String type, String chatId, String messageId) {
        jdbc.sql("INSERT INTO inbox (dedupe_key, subscription_id, change_type, chat_id, message_id, received_at, status, attempts, "
                        + "next_attempt_at) VALUES (?, 'subscription', ?, ?, ?, ?, 'DONE', 1, ?)")
                .params(key, type, chatId, messageId, AT, AT).update();
    }
}
