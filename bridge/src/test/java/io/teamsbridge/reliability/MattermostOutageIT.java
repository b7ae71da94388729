package io.teamsbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.teamsbridge.testing.BridgeExtension;
import io.teamsbridge.testing.World;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Mattermost failing for fifteen minutes (each answer a 503, a 429, or
 * a 502 from a proxy in front of it) while 60 messages are written in Teams: once it is back, every
 * notification arrives, each exactly once. The outage is driven on the bridge's movable clock, so
 * its minutes of retries take seconds.
 */
class MattermostOutageIT {
    @RegisterExtension
    static final BridgeExtension bridge = new BridgeExtension(Map.of("notifications.retry-max-delay", "2m"));

    @ParameterizedTest(name = "Mattermost answering {0} for 15 minutes")
    @CsvSource({"503", "429", "502"})
    void everyNotificationArrivesOnceAfterMattermostComesBack(int status) {
        World world = bridge.world();
        world.awaitSubscription();
        Traffic traffic = new Traffic(bridge.harness(), world, 5);
        JdbcClient jdbc = bridge.harness().bean(JdbcClient.class);
        long waitingBefore = waiting(jdbc, 0);

        bridge.harness().chat().faults(Map.of("down", true, "status", status));
        try {
            for (int n = 0; n < 60; n++) {
                traffic.send(n);
            }
            // Every message in the inbox, and the first of each chat tried and refused (the others wait behind it).
            await().atMost(Duration.ofSeconds(30)).until(() -> waiting(jdbc, 0) - waitingBefore >= 60
                    && waiting(jdbc, 1) >= 5);
            for (int minute = 0; minute < 15; minute++) {
                bridge.harness().clock().advance(Duration.ofMinutes(1));
                await().pollDelay(Duration.ofMillis(100)).until(() -> true);
            }
            assertThat(traffic.deliveredAndDuplicated()[0]).as("nothing gets through while Mattermost fails").isZero();
        } finally {
            bridge.harness().chat().faults(Map.of("down", false));
        }

        traffic.assertEachDeliveredExactlyOnce(Duration.ofSeconds(60),
                () -> bridge.harness().clock().advance(Duration.ofSeconds(30)));
        int[] result = traffic.deliveredAndDuplicated();
        Reliability.report("Mattermost answering " + status + " for 15 minutes", traffic.sentCount(), result[0], result[1]);
    }

    private static long waiting(JdbcClient jdbc, int attemptsAtLeast) {
        return jdbc.sql("SELECT COUNT(*) FROM inbox WHERE status = 'PENDING' AND attempts >= ?").param(attemptsAtLeast)
                .query(Long.class).single();
    }
}
