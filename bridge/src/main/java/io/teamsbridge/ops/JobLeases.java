package io.teamsbridge.ops;

import io.teamsbridge.config.BridgeProperties;
import io.teamsbridge.store.LeaderLeaseRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Which instance runs each single-instance job (subscriptions, command sync, link refresh,
 * housekeeping, key rotation) when several share one database. A job's lease is held for
 * {@code bridge.job-lease} (45 s) and renewed every third of that while this instance lives, so the holder keeps
 * its jobs between passes; when it dies, another instance takes a job over at its first pass after
 * the lease lapsed (within a minute for jobs that run every minute). A graceful shutdown releases
 * the leases at once.
 */
@Component
public class JobLeases implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(JobLeases.class);
    private final Duration hold;
    private final Duration renewEvery;

    private final LeaderLeaseRepository leases;
    private final Clock clock;
    private final String instance = "instance-" + UUID.randomUUID();
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private volatile ScheduledExecutorService renewer;

    public JobLeases(LeaderLeaseRepository leases, Clock clock, BridgeProperties bridge) {
        this.leases = leases;
        this.clock = clock;
        this.hold = bridge.jobLease();
        this.renewEvery = hold.dividedBy(3);
    }

    /** True when this instance holds (or just took) the job's lease; run the job's pass only then. */
    public boolean holds(String job) {
        Instant now = clock.instant();
        if (leases.tryAcquire(job, instance, now, now.plus(hold))) {
            if (held.add(job)) {
                log.info("This instance now runs the job '{}'.", job);
            }
            return true;
        }
        if (held.remove(job)) {
            log.info("Another instance runs the job '{}' now.", job);
        }
        return false;
    }

    private void renew() {
        for (String job : Set.copyOf(held)) {
            try {
                holds(job);
            } catch (RuntimeException e) {
                log.debug("Could not renew the lease of '{}': {}", job, e.toString());
            }
        }
    }

    @Override
    public void start() {
        renewer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("job-leases").factory());
        renewer.scheduleWithFixedDelay(this::renew, renewEvery.toMillis(), renewEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = renewer;
        renewer = null;
        if (running != null) {
            running.shutdownNow();
        }
        for (String job : Set.copyOf(held)) {
            try {
                leases.release(job, instance);
            } catch (RuntimeException e) {
                log.debug("Could not release the lease of '{}' at shutdown: {}", job, e.toString());
            }
        }
        held.clear();
    }

    @Override
    public boolean isRunning() {
        return renewer != null;
    }

    /** Stops after the jobs that use the leases. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 100;
    }
}
