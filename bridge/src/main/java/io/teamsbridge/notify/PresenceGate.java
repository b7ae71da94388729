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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * [gate] Who of the candidates is away from Teams. Presence is looked up for a whole batch of
 * notifications at once ({@code getPresencesByUserId}, up to 650 ids per call) and reused for a
 * short while. When Graph cannot say, everyone counts as away (fail open).
 */
@Component
class PresenceGate {
    private static final Logger log = LoggerFactory.getLogger(PresenceGate.class);

    private final GraphClient graph;
    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Seen> cache = new ConcurrentHashMap<>();

    /** A presence and when it was read. */
    record Seen(String availability, String activity, Instant at) {}

    PresenceGate(GraphClient graph, Clock clock, NotificationsProperties notifications) {
        this.graph = graph;
        this.clock = clock;
        this.ttl = notifications.presenceCacheTtl();
    }

    /** Presence of each user; users Graph could not describe map to an unknown presence. */
    Map<String, Seen> presenceOf(Collection<String> teamsUserIds) {
        Instant now = clock.instant();
        Map<String, Seen> result = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String id : teamsUserIds) {
            Seen seen = cache.get(id);
            if (seen != null && seen.at().plus(ttl).isAfter(now)) {
                result.put(id, seen);
            } else {
                missing.add(id);
            }
        }
        for (int from = 0; from < missing.size(); from += GraphClient.MAX_PRESENCE_IDS) {
            List<String> chunk = missing.subList(from, Math.min(missing.size(), from + GraphClient.MAX_PRESENCE_IDS));
            try {
                for (GraphWire.Presence p : graph.presences(chunk)) {
                    Seen seen = new Seen(p.availability(), p.activity(), now);
                    cache.put(p.id(), seen);
                    result.put(p.id(), seen);
                }
            } catch (GraphException e) {
                log.warn("Presence of {} user(s) could not be read ({}); they are treated as away.", chunk.size(), e.getMessage());
            }
        }
        for (String id : teamsUserIds) {
            result.putIfAbsent(id, new Seen("PresenceUnknown", "PresenceUnknown", now));
        }
        if (cache.size() > 100_000) {
            cache.entrySet().removeIf(e -> e.getValue().at().plus(ttl).isBefore(now));
        }
        return result;
    }
}
