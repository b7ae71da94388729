package io.teamsbridge.reliability;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.teamsbridge.testing.BridgeHarness;
import io.teamsbridge.testing.BridgeProcess;
import io.teamsbridge.testing.World;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The bridge process killed without warning ({@code kill -9}) while messages flow, then started
 * again on the same database: every notification arrives, each exactly once.
 */
class BridgeCrashIT {

    @Test
    void aBridgeKilledWhileMessagesFlowDeliversEverythingOnceAfterItRestarts() throws Exception {
        assumeTrue(BridgeProcess.jar() != null, "target/teams-bridge.jar is not built (run through mvn verify)");
        Map<String, String> settings = Map.of(
                "logging.level.io.teamsbridge.notify", "DEBUG",
                "mattermost.command-sync-interval", "1s",
                "notifications.claim-lease", "5s",
                "notifications.retry-max-delay", "5s");
        try (BridgeHarness harness = BridgeHarness.withoutBridge(settings)) {
            Path log = Files.createTempFile("bridge-process", ".log");
            BridgeProcess bridge = BridgeProcess.start(harness.bridgeProperties(), harness.bridgeUrl(), log);
            World world = new World(harness);
            world.awaitSubscription();
            Traffic traffic = new Traffic(harness, world, 4);

            for (int n = 0; n < 40; n++) {
                traffic.send(n);
                Thread.sleep(25);
            }
            bridge.kill();
            for (int n = 40; n < 60; n++) {
                traffic.send(n); // Graph keeps these and delivers them again once the bridge answers
            }
            try (BridgeProcess restarted = BridgeProcess.start(harness.bridgeProperties(), harness.bridgeUrl(), log)) {
                for (int n = 60; n < 80; n++) {
                    traffic.send(n);
                }
                traffic.assertEachDeliveredExactlyOnce(Duration.ofMinutes(3));
            }
        }
    }
}
