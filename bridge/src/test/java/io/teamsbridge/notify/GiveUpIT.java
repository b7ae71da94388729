package io.teamsbridge.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.teamsbridge.testing.BridgeExtension;
import io.teamsbridge.testing.World;
import io.teamsbridge.testing.World.Person;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A notification that cannot be delivered within notifications.max-age is given up, counted and kept as FAILED. */
class GiveUpIT {
    @RegisterExtension
    static final BridgeExtension bridge = new BridgeExtension();

    private String status(JdbcClient jdbc, String chat, String message) {
        return jdbc.sql("SELECT status FROM inbox WHERE chat_id = ? AND message_id = ?").params(chat, message).query(String.class).single();
    }

    @Test
    void aNotificationOlderThanTheAgeLimitIsGivenUpAndCounted() {
        World world = bridge.world();
        world.awaitSubscription();
        Person from = world.person("from");
        Person to = world.connected(world.person("to"));
        world.presence(to, "Away", "Away");
        String chat = world.chat("oneOnOne", null, from, to);
        JdbcClient jdbc = bridge.harness().bean(JdbcClient.class);
        MeterRegistry meters = bridge.harness().bean(MeterRegistry.class);

        bridge.harness().chat().faults(Map.of("down", true, "status", 503));
        try {
            String message = world.say(chat, from, "<p>too late</p>");
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                    "SELECT COUNT(*) FROM inbox WHERE chat_id = ? AND message_id = ? AND status = 'PENDING' AND attempts >= 1")
                    .params(chat, message).query(Long.class).single() == 1);

            bridge.harness().clock().advance(Duration.ofHours(25));

            await().atMost(Duration.ofSeconds(30)).until(() -> status(jdbc, chat, message).equals("FAILED"));
            assertThat(meters.counter("teamsbridge.notifications.given.up").count()).isEqualTo(1);
            assertThat(jdbc.sql("SELECT last_error FROM inbox WHERE chat_id = ? AND message_id = ?").params(chat, message)
                    .query(String.class).single()).startsWith("given up after PT24H");
            assertThat(jdbc.sql("SELECT outcome, detail FROM decision WHERE chat_id = ? AND message_id = ?").params(chat, message)
                    .query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).list())
                    .as("the recipient's list says it was given up, and why").singleElement().asString()
                    .startsWith("GAVE_UP 24 h of trying (Mattermost");
        } finally {
            bridge.harness().chat().faults(Map.of("down", false));
        }
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(world.notifications(to)).isEmpty();
    }
}
