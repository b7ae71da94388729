package io.teamsbridge.doctor;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The doctor's checks, once after every start, in the background (the service is already taking
 * work): one log line per finding, a failure or warning as WARN with its fix. They run once the
 * service has settled: when its subscription is in place, or after two check intervals without one
 * (then the subscription check says why). Off with {@code bridge.check-at-start=false}.
 */
@Component
class StartupChecks {
    private static final Logger log = LoggerFactory.getLogger(StartupChecks.class);

    private final Doctor doctor;
    private final boolean enabled;
    private final io.teamsbridge.store.SubscriptionRepository subscriptions;
    private final io.teamsbridge.config.MicrosoftProperties.Subscription subscription;
    private volatile List<Finding> last = List.of();
    private volatile Thread running;
    private volatile boolean closed;

    StartupChecks(Doctor doctor, io.teamsbridge.config.BridgeProperties bridge,
            io.teamsbridge.store.SubscriptionRepository subscriptions, io.teamsbridge.config.MicrosoftProperties microsoft) {
        this.doctor = doctor;
        this.enabled = bridge.checkAtStart();
        this.subscriptions = subscriptions;
        this.subscription = microsoft.subscription();
    }

    @EventListener(ApplicationReadyEvent.class)
    void started() {
        if (enabled) {
            running = Thread.ofVirtual().name("startup-checks").start(this::examine);
        }
    }

    /** A service stopped before the checks ran (or while they run) has nothing to report. */
    @EventListener(org.springframework.context.event.ContextClosedEvent.class)
    void stopping() {
        closed = true;
        Thread thread = running;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void settle() throws InterruptedException {
        long deadline = System.nanoTime() + subscription.checkInterval().multipliedBy(2).toNanos();
        // Per-user subscriptions come with connections: there is no one subscription to wait for.
        boolean tenantWide = subscription.mode() == io.teamsbridge.config.MicrosoftProperties.Mode.TENANT;
        while (subscription.enabled() && tenantWide && System.nanoTime() < deadline && !closed) {
            try {
                if (!subscriptions.findActive().isEmpty()) {
                    return;
                }
            } catch (RuntimeException databaseNotThere) {
                return; // the database check will say so
            }
            Thread.sleep(500);
        }
    }

    /** The findings of the last run at start (empty before it ends). */
    List<Finding> last() {
        return last;
    }

    private void examine() {
        try {
            settle();
        } catch (InterruptedException e) {
            return; // stopping
        }
        List<Finding> findings = doctor.examine();
        if (closed) {
            return;
        }
        for (Finding f : findings) {
            if (f.status() == Finding.Status.PASS) {
                log.info("Start-up check passed: {}: {}.", f.check(), f.summary());
            } else {
                log.warn("Start-up check {}: {}: {}. Fix: {}.", f.status(), f.check(), f.summary(), f.fix());
            }
        }
        last = findings;
    }
}
