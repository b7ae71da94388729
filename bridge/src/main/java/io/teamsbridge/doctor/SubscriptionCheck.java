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
    private final io.teamsbridge.store.AccountLinkRepository links;

    SubscriptionCheck(SubscriptionRepository subscriptions, io.teamsbridge.store.AccountLinkRepository links, GraphClient graph,
            MicrosoftProperties settings, Clock clock) {
        this.links = links;
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
        if (settings.subscription().mode() == MicrosoftProperties.Mode.PER_USER) {
            return perUser();
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

    /**
     * Per-user mode: how many connected users have their subscription, and Graph's refusals. Not
     * each checked at Graph: with thousands of users that is the service's job, a few a pass.
     */
    private List<Finding> perUser() {
        String name = NAME + "s (per-user mode, " + settings.subscription().perUserToken().name().toLowerCase(java.util.Locale.ROOT)
                + " tokens)";
        io.teamsbridge.microsoft.subscriptions.UserSubscriptions.Coverage coverage;
        try {
            coverage = io.teamsbridge.microsoft.subscriptions.UserSubscriptions.Coverage.read(subscriptions, links);
        } catch (RuntimeException e) {
            return List.of(Finding.warn(name, "unknown: the database cannot be read", "see the database check"));
        }
        long subscribed = coverage.subscribed();
        long connected = coverage.connected();
        List<SubscriptionRepository.Refusal> refusals = coverage.refusals();
        String counts = subscribed + " of " + connected + " connected user(s) have one";
        if (!refusals.isEmpty()) {
            SubscriptionRepository.Refusal last = refusals.getLast();
            return List.of(Finding.fail(name, counts + "; Graph refused " + refusals.size() + " (latest: " + last.reason() + ")",
                    "Graph allows 10 per user and 10,000 per organisation: delete subscriptions other apps hold for these "
                            + "users, or use microsoft.subscription.mode=tenant; teams-bridge asks again every hour"));
        }
        if (subscribed < connected) {
            return List.of(Finding.warn(name, counts, "start teams-bridge: it creates them within seconds of each connection; "
                    + "if they stay missing, its log says why"));
        }
        return List.of(Finding.pass(name, counts));
    }
}
