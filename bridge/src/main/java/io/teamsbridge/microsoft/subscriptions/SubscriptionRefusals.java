package io.teamsbridge.microsoft.subscriptions;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.teamsbridge.microsoft.GraphException;
import io.teamsbridge.store.SubscriptionRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens when Graph refuses a user's own subscription (a quota reached, a permission
 * missing): the refusal is recorded so that the user is not asked for again before
 * {@link #RETRY_REFUSED}, counted by reason, and told to the user once.
 */
final class SubscriptionRefusals {
    private static final Logger log = LoggerFactory.getLogger(SubscriptionRefusals.class);
    static final Duration RETRY_REFUSED = Duration.ofHours(1);

    private final SubscriptionRepository subscriptions;
    private final SubscriberAccounts accounts;
    private final Clock clock;
    private final MeterRegistry meters;

    /** Why Graph refused a user's subscription, as counted and told. */
    enum Reason {
        QUOTA,
        PERMISSION,
        OTHER
    }

    SubscriptionRefusals(SubscriptionRepository subscriptions, SubscriberAccounts accounts, Clock clock, MeterRegistry meters) {
        this.subscriptions = subscriptions;
        this.accounts = accounts;
        this.clock = clock;
        this.meters = meters;
        for (Reason r : Reason.values()) {
            counter(r); // exported at zero, so a dashboard shows the series before the first refusal
        }
    }

    void record(String teamsUserId, String mattermostUserId, GraphException e) {
        Reason reason = classify(e);
        counter(reason).increment();
        Instant now = clock.instant();
        log.warn("Graph refused a subscription on the chats of Teams user {} ({}): {}. Asked again after {}.", teamsUserId,
                reason.name().toLowerCase(Locale.ROOT), e.getMessage(), now.plus(RETRY_REFUSED));
        if (subscriptions.refused(teamsUserId, e.getMessage(), now, now.plus(RETRY_REFUSED))) {
            accounts.tellRefused(mattermostUserId, switch (reason) {
                case QUOTA -> "Microsoft refused: it allows at most 10 such subscriptions per person and 10,000 per "
                        + "organisation, and one of these limits is reached";
                case PERMISSION -> "Microsoft refused: the permission it needs is not granted";
                case OTHER -> "Microsoft refused the request";
            });
        }
    }

    /** Graph answers a quota with 403 and a message saying so; other 403s are permissions. */
    static Reason classify(GraphException e) {
        if (e.status() != 403) {
            return Reason.OTHER;
        }
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return message.contains("limit") || message.contains("quota") || message.contains("maximum") ? Reason.QUOTA
                : Reason.PERMISSION;
    }

    private Counter counter(Reason reason) {
        return Counter.builder("teamsbridge.subscriptions.refused").tag("reason", reason.name().toLowerCase(Locale.ROOT))
                .description("Per-user subscriptions Graph refused, by reason (quota, permission, other)").register(meters);
    }
}
