package io.teamsbridge.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamsbridge.testing.BridgeExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A job's lease: one holder at a time, taken over when it lapses or at once when released. */
class LeaderLeaseRepositoryIT {
    @RegisterExtension
    static final BridgeExtension bridge = new BridgeExtension(Map.of("microsoft.subscription.enabled", "false",
            "notifications.enabled", "false"));

    @Test
    void aLeaseIsHeldByOneUntilItLapsesAndAReleasedOneIsFreeAtOnce() {
        LeaderLeaseRepository leases = bridge.harness().bean(LeaderLeaseRepository.class);
        Instant now = Instant.parse("2030-01-01T00:00:00Z"); // later than anything the running bridge wrote
        Duration hold = Duration.ofSeconds(45);

        assertThat(leases.tryAcquire("subscriptions", "a", now, now.plus(hold))).isTrue();
        assertThat(leases.tryAcquire("subscriptions", "b", now.plusSeconds(1), now.plus(hold))).as("held by a").isFalse();
        assertThat(leases.tryAcquire("subscriptions", "b", now.plus(hold).plusSeconds(1), now.plus(hold).plus(hold)))
                .as("lapsed").isTrue();

        leases.release("subscriptions", "b");
        assertThat(leases.tryAcquire("subscriptions", "c", now.plus(hold).plusSeconds(2), now.plus(hold).plus(hold)))
                .as("a graceful restart's successor does not wait for the lease to run out").isTrue();
    }

    @Test
    void aJobWhoseLeaseNoMigrationMadeGetsOneOnFirstUse() {
        LeaderLeaseRepository leases = bridge.harness().bean(LeaderLeaseRepository.class);
        Instant now = Instant.parse("2030-01-01T00:00:00Z");

        assertThat(leases.tryAcquire("a-job-added-later", "a", now, now.plusSeconds(45))).isTrue();
        assertThat(leases.tryAcquire("a-job-added-later", "b", now.plusSeconds(1), now.plusSeconds(46))).as("held by a").isFalse();
    }
}
