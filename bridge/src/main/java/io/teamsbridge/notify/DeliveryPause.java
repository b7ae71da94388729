package io.teamsbridge.notify;

import io.teamsbridge.mattermost.MattermostClient;
import io.teamsbridge.mattermost.MattermostException;
import io.teamsbridge.store.InboxRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * [workers] Delivery held back while Mattermost refuses the bot's token (401): every post would
 * fail the same way, so nothing is claimed, readiness ("delivery") is DOWN with the reason, and the
 * token is tried again every {@value #PROBE_SECONDS} seconds. When it works again, everything that
 * waited is made due at once. Nothing is given up for this reason before the age limit.
 */
@Component("deliveryHealthIndicator")
class DeliveryPause implements HealthIndicator {
    private static final Logger log = LoggerFactory.getLogger(DeliveryPause.class);
    static final int PROBE_SECONDS = 10;

    private final MattermostClient mattermost;
    private final InboxRepository inbox;
    private final Clock clock;
    private final AtomicReference<String> reason = new AtomicReference<>();
    private volatile Instant lastProbe = Instant.EPOCH;

    DeliveryPause(MattermostClient mattermost, InboxRepository inbox, Clock clock) {
        this.mattermost = mattermost;
        this.inbox = inbox;
        this.clock = clock;
    }

    /** Mattermost refused the bot's credentials while delivering. */
    void botRefused(MattermostException e) {
        String why = "Mattermost refuses the bot's token (" + e.status() + " " + e.errorId()
                + "): set mattermost.bot-token to a valid token of the bot account";
        if (reason.getAndSet(why) == null) {
            log.error("Delivery paused: {}. Notifications wait and are delivered once the token works again.", why);
            lastProbe = clock.instant();
        }
    }

    /** Whether delivery may go on now; while paused, probes the token when it is time. */
    boolean deliveryAllowed() {
        if (reason.get() == null) {
            return true;
        }
        Instant now = clock.instant();
        if (now.isBefore(lastProbe.plus(Duration.ofSeconds(PROBE_SECONDS)))) {
            return false;
        }
        lastProbe = now;
        try {
            mattermost.me();
        } catch (MattermostException e) {
            return false;
        }
        reason.set(null);
        int due = inbox.makeDue(now);
        log.info("Delivery resumed: Mattermost accepts the bot's token again; {} waiting notification(s) are due now.", due);
        return true;
    }

    Optional<String> reason() {
        return Optional.ofNullable(reason.get());
    }

    @Override
    public Health health() {
        String why = reason.get();
        return why == null ? Health.up().build() : Health.down().withDetail("reason", why).build();
    }
}
