package io.teamsbridge.doctor;

import io.teamsbridge.config.MicrosoftProperties;
import io.teamsbridge.microsoft.GraphClient;
import io.teamsbridge.microsoft.GraphException;
import io.teamsbridge.store.GraphSubscription;
import io.teamsbridge.store.SubscriptionRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** The Graph subscription the service keeps: recorded, still at Graph, and when it expires. */
final class SubscriptionCheck implements Check {
    private static final String NAME = "Graph subscription";

    private final SubscriptionRepository subscriptions;
    private final GraphClient graph;
    private final MicrosoftProperties settings;
    private final Clock clock;

    SubscriptionCheck(SubscriptionRepository subscriptions, GraphClient graph, MicrosoftProperties settings, Clock clock) {
        this.subscriptions = subscriptions;
        this.graph = graph;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public List<Finding> run() {
        if (!settings.subscription().enabled()) {
            return List.of(Finding.warn(NAME, "none: microsoft.subscription.enabled is false, so nobody is notified",
                    "set microsoft.subscription.enabled to true unless this installation must not receive notifications"));
        }
        List<GraphSubscription> active;
        try {
            active = subscriptions.findActive();
        } catch (RuntimeException e) {
            return List.of(Finding.warn(NAME, "unknown: the database cannot be read", "see the database check"));
        }
        if (active.isEmpty()) {
            return List.of(Finding.fail(NAME, "none yet", "start teams-bridge: it creates the subscription within "
                    + settings.subscription().checkInterval().toSeconds() + " s; if it does not, its log says why "
                    + "(often the public webhook or the Chat.Read.All consent)"));
        }
        GraphSubscription current = active.getLast();
        try {
            if (graph.subscription(current.id()).isEmpty()) {
                return List.of(Finding.fail(NAME, current.id() + " is recorded but Graph no longer has it",
                        "start teams-bridge (or wait up to " + settings.subscription().checkInterval().toSeconds()
                                + " s while it runs): it creates a new one and catches up the gap"));
            }
        } catch (GraphException e) {
            return List.of(Finding.warn(NAME, current.id() + " could not be looked up at Graph (" + e.getMessage() + ")",
                    "see the Microsoft checks"));
        } catch (RuntimeException e) {
            return List.of(Finding.warn(NAME, current.id() + " could not be looked up at Graph: " + Messages.firstLine(e),
                    "see the Microsoft checks"));
        }
        Duration left = Duration.between(clock.instant(), current.expiresAt());
        if (left.isNegative()) {
            return List.of(Finding.fail(NAME, current.id() + " expired at " + current.expiresAt(),
                    "start teams-bridge: it creates a new subscription and catches up the gap"));
        }
        return List.of(Finding.pass(NAME, current.id() + " is in place and expires at " + current.expiresAt() + " (in "
                + left.toHours() + " h; renewed " + settings.subscription().renewBefore().toHours() + " h before)"));
    }
}
