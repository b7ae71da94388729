package io.teamsbridge.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.teamsbridge.microsoft.changes.ChangeNotification;
import io.teamsbridge.microsoft.changes.ChangeNotificationCollection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Counts what the webhook receives: {@code teamsbridge.notifications.received} with the Graph
 * {@code change_type} ({@code created}, {@code updated}, {@code deleted}, a lifecycle event's name, or
 * {@code unknown} for a body that could not be read) and the {@code outcome}: {@code accepted} (in the
 * inbox for the worker), {@code held_back} (a new message stored as done as it arrived: everyone it
 * concerns was present in Teams or had turned its notifications off), {@code nobody_connected} (a new message taken but not stored: nobody connected is in its
 * chat), {@code ignored} (a redelivery or not for us), {@code unavailable} (the database could not take
 * it: Graph delivers again), {@code busy} (too many bodies at once: Graph delivers again), or a refusal
 * ({@code forged}, {@code unknown_subscription}, {@code invalid_token}, {@code throttled}, {@code malformed},
 * {@code too_large}, {@code not_json}, {@code too_slow}). Labels come from fixed sets, whatever the sender
 * writes, so a hostile sender cannot grow the series.
 */
@Component
class IngestMetrics {
    private static final Set<String> CHANGE_TYPES = Set.of("created", "updated", "deleted", "reauthorizationRequired",
            "subscriptionRemoved", "missed");

    private final MeterRegistry meters;
    private final TrafficCounts traffic;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    IngestMetrics(MeterRegistry meters, TrafficCounts traffic) {
        this.meters = meters;
        this.traffic = traffic;
    }

    /** The batch was taken: its changes sorted by {@link Triage} into stored, settled and those that concern nobody. */
    void accepted(BatchJudge.Verdict.Accept accept, Triage.Sorted changes) {
        changes.toStore().forEach(change -> count(change.changeType(), "accepted", 1));
        changes.settled().forEach(settled -> count(settled.item().changeType(), "held_back", 1));
        changes.concernNobody().forEach(change -> count(change.changeType(), "nobody_connected", 1));
        accept.lifecycle().forEach(event -> count(event.event(), "accepted", 1));
        count("unknown", "ignored", accept.ignored());
        traffic.taken(changes); // and for the day's traffic per subscription mode
    }

    /** The batch was read but the database could not take its changes. */
    void unavailable(BatchJudge.Verdict.Accept accept) {
        accept.changes().forEach(change -> count(change.changeType(), "unavailable", 1));
    }

    /** The batch was read and refused as a whole. */
    void refused(ChangeNotificationCollection batch, HttpStatus status) {
        String outcome = switch (status) {
            case FORBIDDEN -> "forged";
            case NOT_FOUND -> "unknown_subscription";
            case UNAUTHORIZED -> "invalid_token";
            case TOO_MANY_REQUESTS -> "throttled";
            default -> "refused";
        };
        for (ChangeNotification notification : batch.value()) {
            count(notification.isLifecycleEvent() ? notification.lifecycleEvent() : notification.changeType(), outcome, 1);
        }
    }

    /** A request whose body was not read or could not be: {@code busy}, {@code malformed}, {@code too_large}, … */
    void unread(String outcome) {
        count("unknown", outcome, 1);
    }

    private void count(String changeType, String outcome, int n) {
        if (n <= 0) {
            return;
        }
        String type = changeType != null && CHANGE_TYPES.contains(changeType) ? changeType : "unknown";
        counters.computeIfAbsent(type + ' ' + outcome, key -> Counter.builder("teamsbridge.notifications.received")
                .tag("change_type", type).tag("outcome", outcome)
                .description("Change and lifecycle notifications received from Graph, by change type and outcome")
                .register(meters)).increment(n);
    }
}
