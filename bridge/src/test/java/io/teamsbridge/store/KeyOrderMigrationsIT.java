package io.teamsbridge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.teamsbridge.testing.TestDatabase;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * V18 and V19 put the message before the chat in the inbox's de-duplication key and the delivery
 * map's key, and keep what was stored before: a redelivery of a message received before an
 * upgrade is still recognised, and every forwarded post can still be edited or deleted.
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

    @Test
    void deliveriesStoredBeforeAreKeptWholeAndStillUnique() {
        JdbcClient jdbc = atVersion17();
        jdbc.sql("INSERT INTO delivery (chat_id, message_id, mattermost_user_id, status, post_id, created_at, updated_at, last_error, "
                        + "post_ids) VALUES ('19:a1b2@thread.v2', '1733475600123', 'mm-pat', 'POSTED', 'post-1', ?, ?, NULL, 'post-1 post-2')")
                .params(AT, AT.plusSeconds(1)).update();
        jdbc.sql("INSERT INTO delivery (chat_id, message_id, mattermost_user_id, status, post_id, created_at, updated_at, last_error, "
                        + "post_ids) VALUES ('19:c3@thread.v2', '1733475600123', 'mm-pat', 'FAILED', NULL, ?, ?, 'Mattermost: 403', NULL)")
                .params(AT, AT).update();

        migrate();

        DeliveryRepository deliveries = new DeliveryRepository(jdbc, null);
        assertThat(deliveries.findForMessage("19:a1b2@thread.v2", "1733475600123")).singleElement().satisfies(d -> {
            assertThat(d.mattermostUserId()).isEqualTo("mm-pat");
            assertThat(d.status()).isEqualTo(Delivery.Status.POSTED);
            assertThat(d.parts()).containsExactly("post-1", "post-2");
        });
        assertThat(deliveries.findForMessage("19:c3@thread.v2", "1733475600123")).singleElement()
                .satisfies(d -> assertThat(d.status()).isEqualTo(Delivery.Status.FAILED));
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO delivery (chat_id, message_id, mattermost_user_id, status, created_at, updated_at) "
                + "VALUES ('19:a1b2@thread.v2', '1733475600123', 'mm-pat', 'PENDING', ?, ?)").params(AT, AT).update())
                .isInstanceOf(DuplicateKeyException.class);
    }

    private static void insertInbox(JdbcClient jdbc, String key, String type, String chatId, String messageId) {
        jdbc.sql("INSERT INTO inbox (dedupe_key, subscription_id, change_type, chat_id, message_id, received_at, status, attempts, "
                        + "next_attempt_at) VALUES (?, 'subscription', ?, ?, ?, ?, 'DONE', 1, ?)")
                .params(key, type, chatId, messageId, AT, AT).update();
    }
}
