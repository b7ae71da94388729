package io.teamsbridge.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.teamsbridge.store.InboxRepository;
import io.teamsbridge.store.InboxStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The inbox as an operator sees it: gauges for waiting and failed notifications and the age of the
 * oldest one still waiting, and a health component that turns DOWN when notifications have been
 * waiting longer than the threshold (Mattermost or Graph unreachable for a long time, or workers
 * stuck). It is not part of liveness: restarting would not help.
 */
public class InboxHealth implements HealthIndicator {
    private final InboxRepository inbox;
    private final Clock clock;
    private final Duration threshold;

    public InboxHealth(InboxRepository inbox, Clock clock, Duration threshold, MeterRegistry meters) {
        this.inbox = inbox;
        this.clock = clock;
        this.threshold = threshold;
        Gauge.builder("teamsbridge.inbox.waiting", this, h -> h.count(InboxStatus.PENDING) + h.count(InboxStatus.CLAIMED))
                .description("Notifications received and not yet finished").register(meters);
        Gauge.builder("teamsbridge.inbox.failed", this, h -> h.count(InboxStatus.FAILED))
                .description("Notifications that could not be processed or were given up").register(meters);
        Gauge.builder("teamsbridge.inbox.oldest.waiting.seconds", this, h -> h.oldestWaiting().map(Duration::toSeconds).orElse(0L))
                .description("Age of the oldest notification still waiting").register(meters);
    }

    @Override
    public Health health() {
        Map<InboxStatus, Long> counts = inbox.countByStatus();
        Optional<Duration> oldest = oldestWaiting();
        Health.Builder health = oldest.filter(age -> age.compareTo(threshold) > 0).isPresent() ? Health.down() : Health.up();
        return health.withDetail("waiting", counts.get(InboxStatus.PENDING) + counts.get(InboxStatus.CLAIMED))
                .withDetail("failed", counts.get(InboxStatus.FAILED))
                .withDetail("oldestWaitingSeconds", oldest.map(Duration::toSeconds).orElse(0L))
                .build();
    }

    private long count(InboxStatus status) {
        return inbox.countByStatus().get(status);
    }

    private Optional<Duration> oldestWaiting() {
        return inbox.oldestPendingReceivedAt().map(at -> Duration.between(at, clock.instant()));
    }
}
