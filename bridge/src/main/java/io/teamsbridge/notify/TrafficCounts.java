package io.teamsbridge.notify;

import io.teamsbridge.store.TrafficRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Counts the change notifications the webhook takes, and how many of them could concern a connected
 * user (all but those whose chat has nobody connected), for the last day's traffic that doctor and
 * {@code /msteams admin} show per subscription mode. Counted in memory and added to the database
 * every {@link #FLUSH_EVERY}, so the webhook writes nothing more per request; a crash loses at most
 * those seconds of a diagnostic.
 */
@Component
class TrafficCounts implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(TrafficCounts.class);
    static final Duration FLUSH_EVERY = Duration.ofSeconds(10);
    static final Duration KEEP = Duration.ofDays(2);

    private final TrafficRepository traffic;
    private final Clock clock;
    private final LongAdder received = new LongAdder();
    private final LongAdder concerning = new LongAdder();

    TrafficCounts(TrafficRepository traffic, Clock clock) {
        this.traffic = traffic;
        this.clock = clock;
    }

    /** A request's changes as the triage sorted them. */
    void taken(Triage.Sorted changes) {
        received.add(changes.toStore().size() + changes.settled().size() + changes.concernNobody().size());
        concerning.add(changes.toStore().size() + changes.settled().size());
    }

    /** Adds what was counted since the last flush to the database; on a database error it is kept for the next. */
    void flush() {
        long r = received.sumThenReset();
        long c = concerning.sumThenReset();
        if (r == 0 && c == 0) {
            return;
        }
        try {
            traffic.add(clock.instant(), r, c);
            traffic.deleteBefore(clock.instant().minus(KEEP));
        } catch (DataAccessException e) {
            received.add(r);
            concerning.add(c);
            log.debug("Traffic counts could not be written yet: {}", e.getMessage());
        }
    }

    @Override
    public void destroy() {
        flush();
    }
}
