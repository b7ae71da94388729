package io.teamsbridge.notify;

import io.teamsbridge.config.NotificationsProperties;
import io.teamsbridge.store.InboxRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * [workers] The claims of this instance's running batches: renewed every quarter of
 * {@code notifications.claim-lease} while a batch runs (a slow batch is never taken from under
 * it), handed back at once on a graceful shutdown, and the sweep that returns the claims of an
 * instance that died to the queue once their lease has lapsed.
 */
@Component
class ClaimKeeper {
    private static final Logger log = LoggerFactory.getLogger(ClaimKeeper.class);
    private static final Duration SWEEP_EVERY = Duration.ofSeconds(10);

    private final InboxRepository inbox;
    private final Clock clock;
    private final Duration lease;
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private Instant lastRenewal = Instant.EPOCH;
    private Instant lastSweep = Instant.EPOCH;

    ClaimKeeper(InboxRepository inbox, Clock clock, NotificationsProperties settings) {
        this.inbox = inbox;
        this.clock = clock;
        this.lease = settings.claimLease();
    }

    void begin(String claimant) {
        running.add(claimant);
    }

    void end(String claimant) {
        running.remove(claimant);
    }

    /** Called on every pass of the claim loop: renews and sweeps when their time has come. */
    void tick() {
        Instant now = clock.instant();
        if (!running.isEmpty() && !now.isBefore(lastRenewal.plus(lease.dividedBy(4)))) {
            inbox.renewClaims(Set.copyOf(running), now);
            lastRenewal = now;
        }
        if (!now.isBefore(lastSweep.plus(SWEEP_EVERY))) {
            int released = inbox.releaseExpiredClaims(now.minus(lease));
            if (released > 0) {
                log.info("Returned {} notification(s) whose worker stopped before finishing to the queue.", released);
            }
            lastSweep = now;
        }
    }

    /** At shutdown: what is still running is handed back, due now, so no one waits for the lease. */
    void releaseRunning() {
        Set<String> left = Set.copyOf(running);
        if (!left.isEmpty()) {
            int released = inbox.releaseClaims(left, clock.instant());
            log.info("Handed {} notification(s) of unfinished batches back to the queue at shutdown.", released);
        }
    }
}
