package io.teamsbridge.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.teamsbridge.testing.BridgeHarness;
import io.teamsbridge.testing.TestDatabase;
import io.teamsbridge.testing.World;
import io.teamsbridge.testing.World.Person;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A stop (SIGTERM, a rolling upgrade) while a notification is being posted: the service takes no
 * new work, finishes the batch in flight, and exits within its bound; nothing is left claimed by
 * the stopped instance, and the post is there once. The database does not matter here (H2 pass only).
 */
class GracefulShutdownIT {

    @Test
    void aStopFinishesTheBatchInFlightAndLeavesNothingClaimed() {
        assumeTrue("h2".equals(TestDatabase.selectedKind()), "the database plays no part (runs in the H2 pass)");
        try (BridgeHarness harness = BridgeHarness.start(Map.of(), false)) {
            World world = new World(harness);
            world.awaitSubscription();
            Person sender = world.person("sender");
            Person recipient = world.connected(world.person("recipient"));
            world.presence(recipient, "Away", "Away");
            String chat = world.chat("oneOnOne", null, sender, recipient);
            JdbcClient running = harness.bean(JdbcClient.class);

            harness.chat().faults(Map.of("latencyMs", 1500)); // every Mattermost call takes 1.5 s
            String message = world.say(chat, sender, "<p>sent just before the stop</p>");
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                    .until(() -> statuses(running, chat, message).contains("CLAIMED"));
            long stopping = System.nanoTime();
            harness.stopBridge();
            Duration took = Duration.ofNanos(System.nanoTime() - stopping);
            harness.chat().faults(Map.of());

            assertThat(took).as("the stop's bound: the web server's grace and the worker's 2 × 10 s").isLessThan(Duration.ofSeconds(45));
            JdbcClient after = JdbcClient.create(dataSource(harness.database().properties()));
            assertThat(statuses(after, chat, message)).as("finished in the stop, not left claimed").containsOnly("DONE");
            assertThat(world.notifications(recipient)).hasSize(1);
        }
    }

    private static List<String> statuses(JdbcClient jdbc, String chat, String message) {
        return jdbc.sql("SELECT status FROM inbox WHERE chat_id = ? AND message_id = ?").params(chat, message)
                .query(String.class).list();
    }

    private static DriverManagerDataSource dataSource(Map<String, String> properties) {
        return new DriverManagerDataSource(properties.get("spring.datasource.url"),
                properties.getOrDefault("spring.datasource.username", ""),
                properties.getOrDefault("spring.datasource.password", ""));
    }
}
