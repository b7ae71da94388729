package io.teamsbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.teamsbridge.testing.BridgeHarness;
import io.teamsbridge.testing.JumpingClock;
import io.teamsbridge.testing.BridgeProcess;
import io.teamsbridge.testing.TestDatabase;
import io.teamsbridge.testing.World;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bridge process killed without warning ({@code kill -9}) five times at random points while
 * messages flow, started again on the same database each time, three times at once and twice after
 * Mattermost's own de-duplication window (30 s of its clock, made to jump) has passed: every notification arrives,
 * each exactly once. Runs in the H2 pass (the several-instances test kills processes on PostgreSQL).
 */
class BridgeCrashIT {
    private static final int KILLS = 5;

    @Test
    void aBridgeKilledFiveTimesWhileMessagesFlowDeliversEverythingOnce() throws Exception {
        assumeTrue("h2".equals(TestDatabase.selectedKind()), "runs in the H2 pass");
        assumeTrue(BridgeProcess.jar() != null, "target/teams-bridge.jar is not built (run through mvn verify)");
        long seed = System.nanoTime();
        Random random = new Random(seed);
        System.out.println("BridgeCrashIT seed " + seed);
        Map<String, String> settings = Map.of(
                "mattermost.command-sync-interval", "1s",
                "notifications.claim-lease", "5s",
                "notifications.retry-max-delay", "5s",
                "logging.structured.format.console", "ecs");
        JumpingClock mattermostClock = new JumpingClock();
        try (BridgeHarness harness = BridgeHarness.withoutBridge(settings, mattermostClock)) {
            Path log = Files.createTempFile("bridge-process", ".log");
            BridgeProcess bridge = BridgeProcess.start(harness.bridgeProperties(), harness.bridgeUrl(), log);
            World world = new World(harness);
            world.awaitSubscription();
            Traffic traffic = new Traffic(harness, world, 4);
            int n = 0;
            for (int kill = 0; kill < KILLS; kill++) {
                int before = 10 + random.nextInt(30);
                for (int i = 0; i < before; i++) {
                    traffic.send(n++);
                    Thread.sleep(random.nextInt(40)); // traffic spread over time, so the kill lands mid-flow
                }
                bridge.kill();
                for (int i = 0; i < 10; i++) {
                    traffic.send(n++); // Graph keeps these and delivers them again once the bridge answers
                }
                if (kill % 2 == 1) {
                    // A restart after Mattermost's pending_post_id window (30 s on its clock) has passed.
                    mattermostClock.jump(Duration.ofSeconds(31));
                }
                bridge = BridgeProcess.start(harness.bridgeProperties(), harness.bridgeUrl(), log);
            }
            try (BridgeProcess last = bridge) {
                for (int i = 0; i < 20; i++) {
                    traffic.send(n++);
                }
                traffic.assertEachDeliveredExactlyOnce(Duration.ofMinutes(3));
                int[] result = traffic.deliveredAndDuplicated();
                Reliability.report("kill -9 five times, restarts at once and after Mattermost's 30-s pending_post_id window", traffic.sentCount(), result[0],
                        result[1]);
            }
            assertStructuredLogWithoutSecrets(log, harness.bridgeProperties());
        }
    }

    /** Six processes' logs, as an operator's log shipper reads them: JSON lines, events in them, no secret. */
    private static void assertStructuredLogWithoutSecrets(Path log, Map<String, String> properties) throws Exception {
        List<String> lines = Files.readAllLines(log).stream().filter(line -> line.startsWith("{")).toList();
        JsonMapper json = JsonMapper.builder().build();
        List<String> messages = lines.stream().map(line -> json.readTree(line).path("message").asString()).toList();
        assertThat(messages).as("structured (ECS) log lines").hasSizeGreaterThan(50);
        assertThat(messages).anyMatch(m -> m.startsWith("Created Graph subscription"));
        String all = Files.readString(log);
        for (String secret : List.of("mattermost.bot-token", "microsoft.client-secret", "bridge.encryption-key")) {
            assertThat(all).as("the log holds " + secret).doesNotContain(properties.get(secret));
        }
    }
}
