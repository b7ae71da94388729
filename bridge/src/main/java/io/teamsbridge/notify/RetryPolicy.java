package io.teamsbridge.notify;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Capped exponential backoff with jitter: 2 s, 4 s, 8 s … up to the cap, never sooner than the
 * service asked ({@code Retry-After}). Jitter keeps many items that failed together from retrying
 * together.
 */
final class RetryPolicy {
    private static final Duration FIRST = Duration.ofSeconds(2);

    private RetryPolicy() {}

    static Duration delay(int attempts, Duration requested, Duration cap) {
        long base = FIRST.toMillis() << Math.min(Math.max(attempts - 1, 0), 20);
        long capped = Math.max(1, Math.min(base, cap.toMillis()));
        long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        return Duration.ofMillis(Math.max(jittered, requested == null ? 0 : requested.toMillis()));
    }
}
