package io.teamsbridge.reliability;

import io.teamsbridge.testing.BridgeExtension;
import io.teamsbridge.testing.World;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Mattermost down for a while (two minutes by default; {@code -Dteamsbridge.test.outage=PT30S} for a
 * quicker run) while 100 messages are written in Teams: once it is back, every notification
 * arrives, each exactly once.
 */
class MattermostOutageIT {
    @RegisterExtension
    static final BridgeExtension bridge = new BridgeExtension(Map.of("notifications.retry-max-delay", "10s"), false);

    @Test
    void everyNotificationArrivesOnceAfterMattermostComesBack() throws InterruptedException {
        World world = bridge.world();
        world.awaitSubscription();
        Traffic traffic = new Traffic(bridge.harness(), world, 5);
        Duration outage = Duration.parse(System.getProperty("teamsbridge.test.outage", "PT2M"));

        bridge.harness().chat().faults(Map.of("down", true, "status", 503));
        Instant back = Instant.now().plus(outage);
        try {
            for (int n = 0; n < 100; n++) {
                traffic.send(n);
                Thread.sleep(outage.toMillis() / 200); // spread over the first half of the outage
            }
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), back).toMillis()));
        } finally {
            bridge.harness().chat().faults(Map.of("down", false));
        }

        traffic.assertEachDeliveredExactlyOnce(Duration.ofMinutes(2));
    }
}
