package io.teamsbridge.notify;

import io.teamsbridge.config.NotificationsProperties;
import io.teamsbridge.microsoft.GraphClient;
import io.teamsbridge.microsoft.GraphException;
import io.teamsbridge.microsoft.GraphWire;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * [gate] Who of the candidates is away from Teams. Presence is looked up for a whole batch of
 * notifications at once ({@code getPresencesByUserId}, up to 650 ids per call) and reused for a
 * short while. When Graph cannot say, everyone counts as away (fail open).
 *
 * <p>A call that has to be made anyway is filled up to its 650 ids with the cached presences
 * closest to expiry (past half their time): one call then renews what a string of small calls would
 * have renewed one batch at a time, and most batches find everyone cached.
 */
@Component
class PresenceGate {
    private static final Logger log = LoggerFactory.getLogger(PresenceGate.class);

    private final PresenceReader reader;
    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Seen> cache = new ConcurrentHashMap<>();

    /** A presence and when it was read. */
    record Seen(String availability, String activity, Instant at) {}

    PresenceGate(PresenceReader reader, Clock clock, NotificationsProperties notifications) {
        this.reader = reader;
        this.clock = clock;
        this.ttl = notifications.presenceCacheTtl();
    }

    private static final int MAX_CACHED = 100_000;

    /** The ids to ask for: the missing ones, then cached ones past half their time, oldest first, up to a full call. */
    private List<String> withRenewals(List<String> missing, Instant now) {
        int room = (GraphClient.MAX_PRESENCE_IDS - missing.size() % GraphClient.MAX_PRESENCE_IDS) % GraphClient.MAX_PRESENCE_IDS;
        if (room == 0) {
            return missing;
        }
        Instant halfLife = now.minus(ttl.dividedBy(2));
        Set<String> asked = new HashSet<>(missing);
        List<String> ids = new ArrayList<>(missing);
        cache.entrySet().stream()
                .filter(e -> e.getValue().at().isBefore(halfLife) && !asked.contains(e.getKey()))
                .sorted(Comparator.comparing(e -> e.getValue().at()))
                .limit(room)
                .forEach(e -> ids.add(e.getKey()));
        return ids;
    }

    /**
     * The user's presence if it was read within the time it is reused, else null; never a Graph
     * call. For deciding as a message arrives, where a lookup would hold up Graph's delivery.
     */
    Seen cached(String teamsUserId) {
        Seen seen = cache.get(teamsUserId);
        return fresh(seen, clock.instant()) ? seen : null;
    }

    private boolean fresh(Seen seen, Instant now) {
        return seen != null && seen.at().plus(ttl).isAfter(now);
    }

    /** Presence of each user; users Graph could not describe map to an unknown presence. */
    Map<String, Seen> presenceOf(Collection<String> teamsUserIds) {
        Instant now = clock.instant();
        Map<String, Seen> result = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String id : teamsUserIds) {
            Seen seen = cache.get(id);
            if (fresh(seen, now)) {
                result.put(id, seen);
            } else {
                missing.add(id);
            }
        }
        Set<String> wanted = new HashSet<>(teamsUserIds);
        List<String> asked = withRenewals(missing, now);
        for (int from = 0; from < asked.size(); from += GraphClient.MAX_PRESENCE_IDS) {
            List<String> chunk = asked.subList(from, Math.min(asked.size(), from + GraphClient.MAX_PRESENCE_IDS));
            try {
                for (GraphWire.Presence p : reader.read(chunk)) {
                    Seen seen = new Seen(p.availability(), p.activity(), now);
                    cache.put(p.id(), seen);
                    if (wanted.contains(p.id())) {
                        result.put(p.id(), seen);
                    }
                }
            } catch (GraphException e) {
                log.warn("Presence of {} user(s) could not be read ({}); they are treated as away.", chunk.size(), e.getMessage());
            }
        }
        for (String id : teamsUserIds) {
            result.putIfAbsent(id, new Seen("PresenceUnknown", "PresenceUnknown", now));
        }
        if (cache.size() > MAX_CACHED) {
            cache.entrySet().removeIf(e -> e.getValue().at().plus(ttl).isBefore(now));
        }
        return result;
    }
}
