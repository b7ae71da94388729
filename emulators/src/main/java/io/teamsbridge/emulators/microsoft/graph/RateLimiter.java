package io.teamsbridge.emulators.microsoft.graph;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fixed-window counters, one per key (app + tenant + category). Fixed windows are coarser than
 * Graph's own (undocumented) algorithm but give the documented budget exactly and make a test's
 * "the 31st request in a second is refused" deterministic under a fixed clock.
 */
final class RateLimiter {

    /** A documented limit: at most {@code permits} requests per {@code window}. */
    record Limit(String category, int permits, Duration window) {}

    private record Window(Instant start, int used) {}

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;

    RateLimiter(Clock clock) {
        this.clock = clock;
    }

    /** Takes a permit; when none is left, answers how long until the window resets. */
    Optional<Duration> acquire(String key, Limit limit) {
        Instant now = clock.instant();
        Window window = windows.compute(key + "|" + limit.category(), (k, current) -> {
            if (current == null || !now.isBefore(current.start().plus(limit.window()))) {
                return new Window(now, 1);
            }
            return new Window(current.start(), Math.min(current.used() + 1, limit.permits() + 1));
        });
        if (window.used() <= limit.permits()) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, window.start().plus(limit.window())));
    }
}
