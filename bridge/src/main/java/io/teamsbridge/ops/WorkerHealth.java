package io.teamsbridge.ops;

import io.teamsbridge.store.InboxRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Readiness of the work nobody asks for: the service's long-running loops, and whether the inbox
 * is moving. A loop registers itself and beats on every pass; it is reported DOWN, with the reason,
 * when it has stopped (it died, or its owner says why) or has not passed for longer than it said
 * it may. A periodic job is DOWN while one of its passes has run for longer than
 * {@link PeriodicJob#STUCK_AFTER}. The inbox is DOWN when some notification has been due for longer than
 * {@link #OVERDUE} and no worker took it. Waiting on a retry (Mattermost down, Graph throttling)
 * is not counted: only items that are due are.
 */
public final class WorkerHealth implements HealthIndicator {
    static final Duration OVERDUE = Duration.ofMinutes(2);

    private final InboxRepository inbox;
    private final Clock clock;
    private final Map<String, Loop> loops = new ConcurrentHashMap<>();
    private final Supplier<List<PeriodicJob>> jobs;

    public WorkerHealth(InboxRepository inbox, Clock clock) {
        this(inbox, clock, List::of);
    }

    /** @param jobs the periodic jobs (subscription upkeep, command sync, …), whose passes must end */
    public WorkerHealth(InboxRepository inbox, Clock clock, Supplier<List<PeriodicJob>> jobs) {
        this.inbox = inbox;
        this.clock = clock;
        this.jobs = jobs;
    }

    /** Registers a loop that promises to beat at least once every {@code maxSilence} while it runs. */
    public Loop register(String name, Duration maxSilence) {
        Loop loop = new Loop(name, maxSilence);
        loops.put(name, loop);
        return loop;
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        boolean up = true;
        long now = System.nanoTime();
        for (Loop loop : loops.values()) {
            Optional<String> problem = loop.problem(now);
            up &= problem.isEmpty();
            details.put(loop.name, problem.orElse("running"));
        }
        for (PeriodicJob job : jobs.get()) {
            Optional<String> problem = job.problem(now);
            up &= problem.isEmpty();
            details.put(job.name(), problem.orElse("running"));
        }
        Optional<Instant> due = inbox.earliestDueAt();
        Duration overdue = due.map(at -> Duration.between(at, clock.instant())).orElse(Duration.ZERO);
        if (overdue.compareTo(OVERDUE) > 0) {
            up = false;
            details.put("inbox", "a notification has been due for " + overdue.toSeconds() + " s and no worker took it");
        } else {
            details.put("inbox", "moving");
        }
        return (up ? Health.up() : Health.down()).withDetails(details).build();
    }

    /** One loop's pulse. */
    public static final class Loop {
        private final String name;
        private final Duration maxSilence;
        private volatile long lastBeat = System.nanoTime();
        private volatile Thread thread;
        private volatile String stopped;

        private Loop(String name, Duration maxSilence) {
            this.name = name;
            this.maxSilence = maxSilence;
        }

        /** Called by the loop's thread on every pass; also tells which thread to watch. */
        public void beat() {
            thread = Thread.currentThread();
            lastBeat = System.nanoTime();
            stopped = null;
        }

        /** The loop ended for a reason other than shutdown. */
        public void stopped(String reason) {
            stopped = reason;
        }

        /** The loop ended because the service is stopping. */
        public void finished() {
            stopped = "";
        }

        Optional<String> problem(long now) {
            String why = stopped;
            if (why != null) {
                return why.isEmpty() ? Optional.empty() : Optional.of("stopped: " + why);
            }
            Thread t = thread;
            if (t != null && !t.isAlive()) {
                return Optional.of("stopped: its thread has ended");
            }
            long silentNanos = now - lastBeat;
            return silentNanos > maxSilence.toNanos()
                    ? Optional.of("no pass for " + Duration.ofNanos(silentNanos).toSeconds() + " s")
                    : Optional.empty();
        }
    }
}
