package io.teamsbridge.microsoft.subscriptions;

import io.teamsbridge.config.BridgeProperties;
import io.teamsbridge.config.MicrosoftProperties;
import io.teamsbridge.crypto.Tokens;
import io.teamsbridge.microsoft.GraphClient;
import io.teamsbridge.microsoft.GraphException;
import io.teamsbridge.microsoft.GraphWire;
import io.teamsbridge.microsoft.NotificationCertificates;
import io.teamsbridge.microsoft.changes.EncryptionCertificate;
import io.teamsbridge.ops.JobLeases;
import io.teamsbridge.store.GraphSubscription;
import io.teamsbridge.store.SubscriptionRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps exactly one subscription on all Teams chat messages alive. Each pass, on the instance that
 * holds the lease: create it when there is none, check that Graph still has it (recreate within one
 * pass when it vanished), and renew it well before it expires. Lifecycle events act at once, but
 * only on what Graph confirms, since a lifecycle notification is authenticated by its clientState
 * alone: {@code reauthorizationRequired} reauthorizes (Graph refuses to reauthorize what it does
 * not have), {@code subscriptionRemoved} recreates only when Graph no longer has the subscription,
 * and {@code missed} is logged (fetching the gap is the catch-up's job). Strays — subscriptions on
 * our notification URL that we have no record of, left by a crash between creating and storing —
 * are deleted before creating, so there is never a duplicate. In the {@code per-user} mode the
 * subscriptions are {@link UserSubscriptions}' business; this class runs them under the same lease
 * and lock, and does the switch between the modes.
 */
public class SubscriptionManager {
    private static final Logger log = LoggerFactory.getLogger(SubscriptionManager.class);
    static final String LEASE = "subscriptions";
    public static final String NOTIFICATIONS_PATH = "/microsoft/notifications";
    public static final String LIFECYCLE_PATH = "/microsoft/lifecycle";

    private final GraphClient graph;
    private final SubscriptionRepository subscriptions;
    private final JobLeases leases;
    private final SubscriptionRegistry registry;
    private final NotificationCertificates certificates;
    private final Tokens tokens;
    private final Clock clock;
    private final MicrosoftProperties.Subscription settings;
    private final String resource;
    private final String notificationUrl;
    private final String lifecycleUrl;
    private final ReentrantLock lock = new ReentrantLock();
    private final org.springframework.context.ApplicationEventPublisher events;
    private final UserSubscriptions users;
    private final SubscriberAccounts accounts;
    private final MicrosoftProperties.Mode mode;
    private volatile long seenGeneration = -1;
    /** Since when the mode's own subscriptions have been complete (this instance's view; under the lock). */
    private Instant completeSince;
    /** How long the old mode's subscriptions stay after the new mode's are in place: see {@link #overlapOver}. */
    static final java.time.Duration SWITCH_OVERLAP = java.time.Duration.ofMinutes(10);

    public SubscriptionManager(GraphClient graph, SubscriptionRepository subscriptions, JobLeases leases,
            SubscriptionRegistry registry, NotificationCertificates certificates, Tokens tokens, Clock clock,
            MicrosoftProperties microsoft, BridgeProperties bridge, org.springframework.context.ApplicationEventPublisher events,
            UserSubscriptions users, SubscriberAccounts accounts) {
        this.events = events;
        this.users = users;
        this.accounts = accounts;
        this.mode = microsoft.subscription().mode();
        this.graph = graph;
        this.subscriptions = subscriptions;
        this.leases = leases;
        this.registry = registry;
        this.certificates = certificates;
        this.tokens = tokens;
        this.clock = clock;
        this.settings = microsoft.subscription();
        this.resource = switch (settings.billingModel()) {
            case A -> "/chats/getAllMessages?model=A";
            case B -> "/chats/getAllMessages?model=B";
            case EVALUATION -> "/chats/getAllMessages";
        };
        this.notificationUrl = bridge.publicBase() + NOTIFICATIONS_PATH;
        this.lifecycleUrl = bridge.publicBase() + LIFECYCLE_PATH;
    }

    /**
     * One maintenance pass; does nothing on an instance that does not hold the lease. In either
     * mode the subscriptions of the other go only once the mode's own have been in place for
     * {@link #SWITCH_OVERLAP}, so switching loses nothing (the overlap's notifications are the same
     * messages, which the inbox keeps once).
     */
    public void maintain() {
        lock.lock();
        try {
            if (!holdLease()) {
                return;
            }
            if (mode == MicrosoftProperties.Mode.PER_USER) {
                if (overlapOver(users.maintain())) {
                    subscriptions.findActive().forEach(s -> retire(s, "the mode is per-user now, and every connected user "
                            + "has had their own subscription for " + SWITCH_OVERLAP.toMinutes() + " minutes"));
                }
                return;
            }
            maintainTenantWide();
            if (overlapOver(!subscriptions.findActive().isEmpty())) {
                users.retireAll("the mode is tenant now, and the tenant-wide subscription has existed for "
                        + SWITCH_OVERLAP.toMinutes() + " minutes");
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Whether the mode's own subscriptions have been complete for {@link #SWITCH_OVERLAP}: only then
     * may the other mode's go. Graph delivers again what failed while the bridge restarted, through
     * the subscription it was meant for; deleting that one at once would drop those retries.
     */
    private boolean overlapOver(boolean complete) {
        Instant now = clock.instant();
        if (!complete) {
            completeSince = null;
            return false;
        }
        if (completeSince == null) {
            completeSince = now;
        }
        return !now.isBefore(completeSince.plus(SWITCH_OVERLAP));
    }

    /**
     * A pass at once when a connection was made, lost or removed (on any instance) since the last
     * look, so a new user's subscription does not wait for the next periodic pass. Cheap when
     * nothing changed: one row read.
     */
    public void onConnectionsChanged() {
        if (mode != MicrosoftProperties.Mode.PER_USER) {
            return;
        }
        long generation = accounts.generation();
        if (generation != seenGeneration) {
            seenGeneration = generation;
            maintain();
        }
    }

    private void maintainTenantWide() {
        List<GraphSubscription> ours = subscriptions.findActive();
        if (ours.isEmpty()) {
            create("no subscription exists yet");
            return;
        }
        GraphSubscription current = ours.getLast();
        for (GraphSubscription older : ours.subList(0, ours.size() - 1)) {
            retire(older, "a newer one replaced it");
        }
        Optional<GraphWire.Subscription> atGraph = graph.subscription(current.id());
        if (atGraph.isEmpty()) {
            log.warn("Graph subscription {} is lost: Graph no longer has it. A new one is created and the gap caught up.",
                    current.id());
            markRemoved(current.id());
            create("Graph no longer has subscription " + current.id());
            events.publishEvent(new SubscriptionLost(current.id()));
            return;
        }
        if (!resource.equals(current.resource()) || !notificationUrl.equals(current.notificationUrl())) {
            // Neither the billing model nor the notification URL can be changed by PATCH: replace it.
            String why = resource.equals(current.resource()) ? "bridge.public-url changed" : "the billing model changed";
            retire(current, why);
            create(why);
            return;
        }
        if (current.expiresAt().isBefore(clock.instant().plus(settings.renewBefore()))) {
            renew(current);
        }
    }

    /** Acts on a lifecycle event Graph sent for one of our subscriptions. */
    public void onLifecycleEvent(String subscriptionId, String event) {
        lock.lock();
        try {
            Optional<GraphSubscription> found = subscriptions.find(subscriptionId);
            if (found.isEmpty() || found.get().status() != GraphSubscription.Status.ACTIVE) {
                log.info("Ignored lifecycle event {} for subscription {}, which is no longer ours.", event, subscriptionId);
                return;
            }
            if (found.get().perUser()) {
                users.onLifecycleEvent(found.get(), event);
                return;
            }
            switch (event) {
                case "reauthorizationRequired" -> {
                    graph.reauthorizeSubscription(subscriptionId);
                    log.info("Reauthorized subscription {} as Graph asked.", subscriptionId);
                }
                case "subscriptionRemoved" -> {
                    if (graph.subscription(subscriptionId).isPresent()) {
                        log.warn("Ignored subscriptionRemoved for subscription {}: Graph still has it. Either the event "
                                + "was stale or someone who knows its clientState sent it.", subscriptionId);
                        return;
                    }
                    log.warn("Graph subscription {} is lost: Graph removed it. A new one is created and the gap caught up.",
                            subscriptionId);
                    markRemoved(subscriptionId);
                    create("Graph removed subscription " + subscriptionId);
                }
                case "missed" -> log.warn("Graph says it could not deliver some notifications for subscription {}; the "
                        + "messages of that gap were not forwarded.", subscriptionId);
                default -> log.warn("Unknown lifecycle event '{}' for subscription {}; nothing done.", event, subscriptionId);
            }
        } finally {
            lock.unlock();
        }
    }

    private boolean holdLease() {
        return leases.holds(LEASE);
    }

    private void create(String why) {
        deleteStrays();
        EncryptionCertificate certificate = certificates.active();
        String clientState = tokens.random();
        Instant expires = clock.instant().plus(settings.lifetime());
        GraphWire.Subscription created = graph.createSubscription(new GraphWire.Subscription(null, resource,
                "created,updated,deleted", notificationUrl, lifecycleUrl, SubscriptionTimes.format(expires), clientState, true,
                certificate.base64Der(), certificate.id()));
        Instant now = clock.instant();
        Instant grantedExpiry = SubscriptionTimes.parse(created.expirationDateTime()).orElse(expires);
        GraphSubscription stored = new GraphSubscription(created.id(), resource, notificationUrl, certificate.id(),
                Tokens.sha256(clientState), grantedExpiry, now, now, GraphSubscription.Status.ACTIVE);
        subscriptions.insert(stored);
        registry.remember(stored);
        log.info("Created Graph subscription {} on {} until {} ({}).", created.id(), resource, grantedExpiry, why);
    }

    private void renew(GraphSubscription current) {
        Instant expires = clock.instant().plus(settings.lifetime());
        GraphWire.Subscription renewed = graph.renewSubscription(current.id(), SubscriptionTimes.format(expires));
        Instant granted = SubscriptionTimes.parse(renewed.expirationDateTime()).orElse(expires);
        Instant now = clock.instant();
        subscriptions.renewed(current.id(), granted, now);
        registry.remember(new GraphSubscription(current.id(), current.resource(), current.notificationUrl(),
                current.certificateId(), current.clientStateHash(), granted, current.createdAt(), now, current.status()));
        log.info("Renewed Graph subscription {} until {}.", current.id(), granted);
    }

    private void markRemoved(String subscriptionId) {
        subscriptions.markRemoved(subscriptionId);
        registry.forget(subscriptionId);
    }

    private void retire(GraphSubscription subscription, String why) {
        markRemoved(subscription.id());
        graph.deleteSubscription(subscription.id());
        log.info("Deleted Graph subscription {}: {}.", subscription.id(), why);
    }

    private void deleteStrays() {
        try {
            for (GraphWire.Subscription existing : graph.subscriptions()) {
                if (notificationUrl.equals(existing.notificationUrl())
                        && subscriptions.find(existing.id()).map(s -> s.status() == GraphSubscription.Status.REMOVED).orElse(true)) {
                    graph.deleteSubscription(existing.id());
                    log.info("Deleted stray Graph subscription {} on our notification URL.", existing.id());
                }
            }
        } catch (GraphException e) {
            log.warn("Could not list Graph subscriptions to look for strays: {}", e.getMessage());
        }
    }
}
