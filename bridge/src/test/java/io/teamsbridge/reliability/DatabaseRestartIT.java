package io.teamsbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.teamsbridge.testing.BridgeHarness;
import io.teamsbridge.testing.ScratchDirectory;
import io.teamsbridge.testing.TestDatabase;
import io.teamsbridge.testing.World;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL restarted while messages flow: meanwhile the webhook answers 503 (so Graph delivers
 * again) and the workers wait; afterwards every notification arrives, each exactly once.
 */
class DatabaseRestartIT {

    @Test
    void aPostgresRestartDuringARunLosesAndDoublesNothing() throws Exception {
        assumeTrue("postgres".equals(TestDatabase.selectedKind()), "runs in the PostgreSQL pass");
        Path data = ScratchDirectory.create("restarted-postgres-");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        EmbeddedPostgres postgres = start(data, port);
        Map<String, String> database = Map.of(
                "spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "postgres",
                "spring.datasource.hikari.connection-timeout", "2000",
                "notifications.retry-max-delay", "5s",
                "notifications.claim-lease", "10s");
        try (BridgeHarness harness = BridgeHarness.start(database, false)) {
            World world = new World(harness);
            world.awaitSubscription();
            Traffic traffic = new Traffic(harness, world, 4);
            for (int n = 0; n < 20; n++) {
                traffic.send(n);
            }
            long failuresBefore = harness.teams().stats().path("deliveryFailures").asLong();
            postgres.close();
            try {
                for (int n = 20; n < 40; n++) {
                    traffic.send(n);
                }
                await().atMost(Duration.ofSeconds(30)).until(() ->
                        harness.teams().stats().path("deliveryFailures").asLong() > failuresBefore);
            } finally {
                postgres = start(data, port);
            }
            for (int n = 40; n < 60; n++) {
                traffic.send(n);
            }
            traffic.assertEachDeliveredExactlyOnce(Duration.ofMinutes(2));
            int[] result = traffic.deliveredAndDuplicated();
            Reliability.report("PostgreSQL restarted during a run", traffic.sentCount(), result[0], result[1]);
            assertThat(result[1]).isZero();
        } finally {
            postgres.close();
        }
    }

    private static EmbeddedPostgres start(Path data, int port) throws java.io.IOException {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
    }
}
