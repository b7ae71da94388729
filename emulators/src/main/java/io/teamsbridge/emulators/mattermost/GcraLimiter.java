package io.teamsbridge.emulators.mattermost;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The generic cell rate algorithm of the {@code throttled} library the server uses
 * ({@code GCRARateLimiterCtx}): each key has a theoretical arrival time (TAT); a request moves it
 * one emission interval (1 s / rate) into the future and is refused when that would put it more
 * than {@code (burst + 1)} intervals ahead of now. Time comes from the injected clock.
 */
final class GcraLimiter {
    /** The outcome for one request, in the units of the server's headers. */
    record Decision(boolean limited, int limit, int remaining, long resetAfterNanos, long retryAfterNanos) {

        long resetSeconds() {
            return ceilSeconds(resetAfterNanos);
        }

        long retryAfterSeconds() {
            return ceilSeconds(retryAfterNanos);
        }

        private static long ceilSeconds(long nanos) {
            return Math.max(0, (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
        }
    }

    /** Beyond this many keys, entries whose TAT has passed are dropped (they equal a fresh key). */
    private static final int MAX_KEYS = 10_000;

    private final Clock clock;
    private final ConcurrentHashMap<String, Long> tats = new ConcurrentHashMap<>();

    GcraLimiter(Clock clock) {
        this.clock = clock;
    }

    Decision take(String key, int perSecond, int maxBurst) {
        long emission = TimeUnit.SECONDS.toNanos(1) / Math.max(1, perSecond);
        long tolerance = emission * (maxBurst + 1L);
        long now = nowNanos();
        Decision[] out = new Decision[1];
        tats.compute(key, (k, stored) -> {
            long tat = stored == null ? now : stored;
            long newTat = Math.max(now, tat) + emission;
            long allowAt = newTat - tolerance;
            if (now < allowAt) {
                out[0] = decision(true, maxBurst, emission, tolerance, tat - now, allowAt - now);
                return stored;
            }
            out[0] = decision(false, maxBurst, emission, tolerance, newTat - now, -1);
            return newTat;
        });
        if (tats.size() > MAX_KEYS) {
            tats.values().removeIf(tat -> tat <= now);
        }
        return out[0];
    }

    /** The state a response reports after its request was let through, without taking a cell. */
    Decision peek(String key, int perSecond, int maxBurst) {
        long emission = TimeUnit.SECONDS.toNanos(1) / Math.max(1, perSecond);
        long tolerance = emission * (maxBurst + 1L);
        long now = nowNanos();
        long tat = tats.getOrDefault(key, now);
        return decision(false, maxBurst, emission, tolerance, Math.max(0, tat - now), -1);
    }

    private static Decision decision(boolean limited, int maxBurst, long emission, long tolerance, long ttl,
            long retryAfter) {
        long next = tolerance - ttl;
        int remaining = next > -emission ? (int) (next / emission) : 0;
        return new Decision(limited, maxBurst + 1, Math.max(0, remaining), ttl, retryAfter);
    }

    private long nowNanos() {
        var instant = clock.instant();
        return TimeUnit.SECONDS.toNanos(instant.getEpochSecond()) + instant.getNano();
    }
}
