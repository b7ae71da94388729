package io.teamsbridge.microsoft.subscriptions;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.teamsbridge.config.MicrosoftProperties;
import io.teamsbridge.ops.Recent;
import io.teamsbridge.store.GraphSubscription;
import io.teamsbridge.store.SubscriptionRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The subscription as readiness and Prometheus see it: readiness' {@code subscription} component is
 * {@value #DEGRADED} while there is no current subscription (none made yet, or the last one
 * expired), with what to do. It does not make the instance unready: creating a subscription needs
 * Graph's validation request to reach an instance, and an instance taken out of the load balancer
 * for lacking one could never get one (and webhooks and commands work without it). An alert on the
 * expiry gauge catches a subscription that stays missing. The gauge {@code teamsbridge.subscription.expiry.timestamp.seconds} says when the current
 * one expires (NaN when there is none). With {@code microsoft.subscription.enabled=false} there is
 * meant to be none, and the component stays UP and says so.
 */
class SubscriptionHealth implements HealthIndicator, MeterBinder {
    /** A status Spring Boot's aggregation leaves out: reported, but neither UP nor DOWN. */
    static final String DEGRADED = "DEGRADED";

    private final Recent<Optional<GraphSubscription>> current;
    private final Recent<UserSubscriptions.Coverage> coverage;
    private final Clock clock;
    private final MicrosoftProperties.Subscription settings;

    SubscriptionHealth(SubscriptionRepository subscriptions, io.teamsbridge.store.AccountLinkRepository links, Clock clock,
            MicrosoftProperties microsoft) {
        this.settings = microsoft.subscription();
        boolean perUser = settings.mode() == MicrosoftProperties.Mode.PER_USER;
        // Per-user: the one that expires first stands for them all on the expiry gauge.
        this.current = new Recent<>(Duration.ofSeconds(2), () -> perUser
                ? subscriptions.findActivePerUser().stream().min(java.util.Comparator.comparing(GraphSubscription::expiresAt))
                : latest(subscriptions.findActive()));
        this.coverage = perUser ? new Recent<>(Duration.ofSeconds(2), () -> UserSubscriptions.Coverage.read(subscriptions, links)) : null;
        this.clock = clock;
    }

    @Override
    public Health health() {
        if (!settings.enabled()) {
            return Health.up().withDetail("subscription", "none: microsoft.subscription.enabled is false").build();
        }
        if (coverage != null) {
            return perUser(coverage.get());
        }
        Optional<GraphSubscription> found = current.get();
        if (found.isEmpty()) {
            return Health.status(DEGRADED).withDetail("reason", "there is no Graph subscription yet: it is created within "
                    + settings.checkInterval().toSeconds() + " s of start; if this stays, run `doctor` and read the log lines "
                    + "of the subscription job").build();
        }
        GraphSubscription subscription = found.get();
        Instant now = clock.instant();
        if (!subscription.expiresAt().isAfter(now)) {
            return Health.status(DEGRADED).withDetail("reason", "Graph subscription " + subscription.id() + " expired at "
                    + subscription.expiresAt() + " and was not renewed: run `doctor`").withDetail("id", subscription.id()).build();
        }
        return Health.up().withDetail("id", subscription.id()).withDetail("expires", subscription.expiresAt().toString()).build();
    }

    /** UP while everyone connected has a subscription, or Graph refused theirs (the refusal is the news, and it is told). */
    private static Health perUser(UserSubscriptions.Coverage c) {
        Health.Builder health = c.subscribed() + c.refusals().size() >= c.connected() ? Health.up()
                : Health.status(DEGRADED).withDetail("reason", (c.connected() - c.subscribed()) + " connected user(s) have no "
                        + "subscription yet: they are created within seconds of connecting; if this stays, run `doctor`");
        return health.withDetail("mode", "per-user").withDetail("connected", c.connected()).withDetail("subscribed", c.subscribed())
                .withDetail("refused", c.refusals().size()).build();
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        Gauge.builder("teamsbridge.subscription.expiry.timestamp.seconds", this,
                        h -> h.current.get().map(s -> s.expiresAt().getEpochSecond() + 0.0).orElse(Double.NaN))
                .description("When the current Graph subscription expires (per-user mode: the first to expire; Unix time; "
                        + "NaN when there is none)")
                .register(meters);
    }

    private static Optional<GraphSubscription> latest(List<GraphSubscription> active) {
        return active.isEmpty() ? Optional.empty() : Optional.of(active.getLast());
    }
}
