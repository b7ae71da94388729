package io.teamsbridge.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.teamsbridge.store.InboxRepository;
import io.teamsbridge.store.InboxSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The inbox as an operator sees it: gauges for waiting and failed notifications, the age of the
 * oldest one still waiting and how long the earliest due one has been due, and a health component
 * that turns DOWN when notifications have been waiting longer than the threshold (Mattermost or
 * Graph unreachable for a long time, or workers stuck). It is not part of liveness: restarting
 * would not help. A scrape reads all four gauges; they share one snapshot, so a scrape costs one
 * query.
 */
public class InboxHealth implements HealthIndicator {
    static final Duration FRESH = Duration.ofSeconds(2);

    private final Clock clock;
    private final Duration threshold;
    private final Recent<InboxSnapshot> snapshot;

    public InboxHealth(InboxRepository inbox, Clock clock, Duration threshold, MeterRegistry meters) {
        this.clock = clock;
        this.threshold = threshold;
        this.snapshot = new Recent<>(FRESH, inbox::snapshot);
        Gauge.builder("teamsbridge.inbox.waiting", this, h -> h.snapshot().waiting())
                .description("Notifications received and not yet finished").register(meters);
        Gauge.builder("teamsbridge.inbox.failed", this, h -> h.snapshot().failed())
                .description("Notifications that could not be processed or were given up").register(meters);
        Gauge.builder("teamsbridge.inbox.oldest.waiting.seconds", this, h -> h.oldestWaiting().toSeconds())
                .description("Age of the oldest notification still waiting").register(meters);
        Gauge.builder("teamsbridge.inbox.oldest.due.seconds", this, h -> h.overdue().toSeconds())
                .description("How long the earliest due notification has been due without a worker taking it "
                        + "(0 when nothing is due: items waiting for a retry are not due yet)").register(meters);
    }

    @Override
    public Health health() {
        InboxSnapshot now = snapshot();
        Duration oldest = oldestWaiting();
        Health.Builder health = oldest.compareTo(threshold) > 0 ? Health.down() : Health.up();
        return health.withDetail("waiting", now.waiting())
                .withDetail("failed", now.failed())
                .withDetail("oldestWaitingSeconds", oldest.toSeconds())
                .withDetail("oldestDueSeconds", overdue().toSeconds())
                .build();
    }

    /** The inbox as of at most {@link #FRESH} ago. */
    public InboxSnapshot snapshot() {
        return snapshot.get();
    }

    private Duration oldestWaiting() {
        return snapshot().oldestWaitingReceivedAt().map(this::since).orElse(Duration.ZERO);
    }

    private Duration overdue() {
        return snapshot().earliestDueAt().map(this::since).orElse(Duration.ZERO);
    }

    private Duration since(Instant at) {
        Duration age = Duration.between(at, clock.instant());
        return age.isNegative() ? Duration.ZERO : age;
    }
}
