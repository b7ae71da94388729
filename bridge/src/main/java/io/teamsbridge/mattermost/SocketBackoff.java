package io.teamsbridge.mattermost;

import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long to wait before the next attempt, and how loud to say so: doubling from the first
 * wait to the longest (at once the longest when the bot was not let in), jittered, and counted
 * again from the start after a healthy connection. The first failure is a warning (an error
 * when the bot was not let in), repeats are debug lines, and the connect that ends them says how
 * many attempts it took. The stream's loop thread's alone, but for {@link #failures}.
 */
final class SocketBackoff {
    private static final Logger log = LoggerFactory.getLogger(BotEventStream.class);

    private final BotEventStream.Timings timings;
    private final String base;
    volatile int failures;
    private BotEventStream.Failure reported;

    SocketBackoff(BotEventStream.Timings timings, String base) {
        this.timings = timings;
        this.base = base;
    }

    /** A socket ended; returns the wait in milliseconds. */
    long failed(BotEventStream.Failure failure, String reason, boolean healthy) {
        if (healthy) {
            failures = 0;
            reported = null;
        }
        failures++;
        long longest = timings.maxBackoff().toMillis();
        long doubled = Math.max(1, timings.firstBackoff().toMillis()) << Math.min(failures - 1, 30);
        long wait = jitter(failure == BotEventStream.Failure.REFUSED ? longest : Math.min(doubled, longest));
        if (reported != failure && failure == BotEventStream.Failure.REFUSED) {
            log.error("Mattermost at {} did not let the bot in on its WebSocket ({}): mattermost.bot-token is "
                    + "probably not valid. Replies are not received; trying again every {}.", base, reason,
                    readable(longest));
        } else if (reported != failure) {
            log.warn("Mattermost's WebSocket at {} failed ({}); reconnecting in {} (further failures are logged "
                    + "at DEBUG until it is back).", base, reason, readable(wait));
        } else {
            log.debug("Mattermost's WebSocket failed again ({}, attempt {}); next in {}.", reason, failures,
                    readable(wait));
        }
        reported = failure;
        return wait;
    }

    void recovered(String how) {
        log.info("Mattermost WebSocket at {}: {}{}.", base, how, failures > 1 ? " (after " + failures + " attempts)" : "");
    }

    /** Between half and all of the wait, so many bridges do not come back at the same instant. */
    private static long jitter(long millis) {
        return millis / 2 + ThreadLocalRandom.current().nextLong(millis - millis / 2 + 1);
    }

    static String readable(long millis) {
        return millis < 10_000 ? millis + " ms" : millis / 1000 + " s";
    }
}
