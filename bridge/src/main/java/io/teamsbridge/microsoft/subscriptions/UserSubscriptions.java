package io.teamsbridge.microsoft.subscriptions;

import io.micrometer.core.instrument.MeterRegistry;
import io.teamsbridge.config.BridgeProperties;
import io.teamsbridge.config.MicrosoftProperties;
import io.teamsbridge.crypto.Tokens;
import io.teamsbridge.microsoft.GraphClient;
import io.teamsbridge.microsoft.GraphException;
import io.teamsbridge.microsoft.GraphWire;
import io.teamsbridge.microsoft.MicrosoftIdentityException;
import io.teamsbridge.microsoft.NotificationCertificates;
import io.teamsbridge.microsoft.changes.EncryptionCertificate;
import io.teamsbridge.store.GraphSubscription;
import io.teamsbridge.store.GraphSubscription.HeldWith;
import io.teamsbridge.store.SubscriptionRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The {@code per-user} mode: one subscription per connected Teams user on that user's own chats
 * ({@code /users/{id}/chats/getAllMessages}), held with the user's delegated token or the app's
 * (the {@code per-user-token} setting). Each pass, on the instance that holds the subscriptions'
 * lease, brings Graph in line with the connections: a subscription for everyone connected, none
 * for anyone else, renewed before it expires, and a few checked at Graph (oldest check first, so
 * ten thousand users cost a few requests a pass, not ten thousand); a lost one is recreated and its
 * gap caught up. Graph's quotas (10 per user, 10,000 per organisation) end in a refusal: recorded,
 * counted, told to the user once, and not asked again for a while ({@link SubscriptionRefusals}).
 *
 * <p>Callers hold the subscriptions' lease and lock ({@link SubscriptionMaintenance}), except
 * {@link #release}, which a disconnect calls ({@link UserDisconnecting}) on any instance while the
 * user's token still exists.
 */
public class UserSubscriptions {
    private static final Logger log = LoggerFactory.getLogger(UserSubscriptions.class);
    /**
     * Graph allows 1,000 subscription writes per 20 s per app and tenant: creations are paced at
     * {@value #CREATES_PER_SECOND} a second after a first {@value #CREATE_BURST}, which leaves room
     * for renewals and deletions (thousands of users connecting at once get theirs within minutes).
     */
    static final int CREATES_PER_SECOND = 25;
    static final int CREATE_BURST = 500;
    static final int CHECKS_PER_PASS = 10;

    private final GraphClient graph;
    private final SubscriptionRepository subscriptions;
    private final SubscriptionRegistry registry;
    private final NotificationCertificates certificates;
    private final Tokens tokens;
    private final Clock clock;
    private final SubscriberAccounts accounts;
    private final ApplicationEventPublisher events;
    private final MicrosoftProperties.Subscription settings;
    private final String notificationUrl;
    private final String lifecycleUrl;
    private final SubscriptionRefusals refusals;
    /** Creations allowed now (a token bucket; used under the manager's lock only). */
    private double createBudget = CREATE_BURST;
    private Instant budgetAt;

    public UserSubscriptions(GraphClient graph, SubscriptionRepository subscriptions, SubscriptionRegistry registry,
            NotificationCertificates certificates, Tokens tokens, Clock clock, SubscriberAccounts accounts,
            ApplicationEventPublisher events, MicrosoftProperties microsoft, BridgeProperties bridge, MeterRegistry meters) {
        this.graph = graph;
        this.subscriptions = subscriptions;
        this.registry = registry;
        this.certificates = certificates;
        this.tokens = tokens;
        this.clock = clock;
        this.accounts = accounts;
        this.events = events;
        this.settings = microsoft.subscription();
        this.notificationUrl = bridge.publicBase() + SubscriptionManager.NOTIFICATIONS_PATH;
        this.lifecycleUrl = bridge.publicBase() + SubscriptionManager.LIFECYCLE_PATH;
        this.refusals = new SubscriptionRefusals(subscriptions, accounts, clock, meters);
    }

    /** The resource of a user's subscription; the user-level resource takes model B only (or none, evaluation). */
    String resourceOf(String teamsUserId) {
        String path = "/users/" + teamsUserId + "/chats/getAllMessages";
        return settings.billingModel() == MicrosoftProperties.BillingModel.EVALUATION ? path : path + "?model=B";
    }

    private HeldWith heldWith() {
        return settings.usersOwnTokens() ? HeldWith.DELEGATED : HeldWith.APPLICATION;
    }

    /**
     * One pass. Returns true when everyone connected now has a subscription, so a tenant-wide one
     * may go (a mode switch loses nothing).
     */
    boolean maintain() {
        Map<String, String> connected = accounts.connected();
        Map<String, GraphSubscription> current = new HashMap<>();
        for (GraphSubscription s : subscriptions.findActivePerUser()) {
            if (!connected.containsKey(s.teamsUserId())) {
                retire(s, "its user is no longer connected");
            } else if (!resourceOf(s.teamsUserId()).equals(s.resource()) || !notificationUrl.equals(s.notificationUrl())
                    || s.heldWith() != heldWith()) {
                retire(s, "the settings changed (billing model, public URL or per-user-token)");
            } else {
                GraphSubscription older = current.put(s.teamsUserId(), s);
                if (older != null) {
                    retire(older, "a newer one replaced it");
                }
            }
        }
        Set<String> refused = new HashSet<>(subscriptions.refusedUntilAfter(clock.instant()));
        boolean covered = true;
        refillCreateBudget();
        for (Map.Entry<String, String> account : connected.entrySet()) {
            if (current.containsKey(account.getKey())) {
                continue;
            }
            if (refused.contains(account.getKey()) || createBudget < 1) {
                covered = false;
                continue;
            }
            createBudget--;
            if (create(account.getKey(), account.getValue(), "the user is connected").isEmpty()) {
                covered = false;
            }
        }
        for (GraphSubscription s : current.values()) {
            if (s.expiresAt().isBefore(clock.instant().plus(settings.renewBefore()))) {
                renew(s);
            }
        }
        check(connected);
        return covered;
    }

    private void refillCreateBudget() {
        Instant now = clock.instant();
        if (budgetAt != null) {
            double seconds = Math.max(0, Duration.between(budgetAt, now).toMillis() / 1000.0);
            createBudget = Math.min(CREATE_BURST, createBudget + seconds * CREATES_PER_SECOND);
        }
        budgetAt = now;
    }

    /** Deletes every per-user subscription (the mode is tenant now, and its subscription exists). */
    void retireAll(String why) {
        subscriptions.findActivePerUser().forEach(s -> retire(s, why));
    }

    /**
     * Deletes the user's subscription now, with the token they still have (a disconnect calls this
     * before their tokens are deleted); without one it is only marked removed, its notifications
     * are ignored from then on, and Graph drops it when it expires.
     */
    @org.springframework.context.event.EventListener
    public void onDisconnecting(UserDisconnecting user) {
        try {
            release(user.teamsUserId());
        } catch (RuntimeException e) {
            log.warn("The subscription of Teams user {} could not be removed as they disconnected ({}); the next pass removes "
                    + "it.", user.teamsUserId(), e.getMessage());
        }
    }

    void release(String teamsUserId) {
        subscriptions.findActivePerUser().stream().filter(s -> teamsUserId.equals(s.teamsUserId()))
                .forEach(s -> retire(s, "its user disconnected"));
        subscriptions.clearRefusal(teamsUserId);
    }

    /** Acts on a lifecycle event for one of the per-user subscriptions, as the tenant-wide ones do. */
    void onLifecycleEvent(GraphSubscription subscription, String event) {
        String token = tokenFor(subscription).orElse(null);
        if (subscription.heldWith() == HeldWith.DELEGATED && token == null) {
            log.info("Lifecycle event {} for the subscription of Teams user {}, whose connection is gone; it is removed.",
                    event, subscription.teamsUserId());
            markRemoved(subscription.id());
            return;
        }
        switch (event) {
            case "reauthorizationRequired" -> {
                graph.reauthorizeSubscription(subscription.id(), token);
                log.info("Reauthorized the subscription {} of Teams user {} as Graph asked.", subscription.id(),
                        subscription.teamsUserId());
            }
            case "subscriptionRemoved" -> {
                if (graph.subscription(subscription.id(), token).isPresent()) {
                    log.warn("Ignored subscriptionRemoved for subscription {}: Graph still has it.", subscription.id());
                    return;
                }
                replaceLost(subscription, "Graph removed it", false); // the lifecycle handler schedules the catch-up
            }
            case "missed" -> log.warn("Graph says it could not deliver some notifications for the subscription {} of Teams "
                    + "user {}.", subscription.id(), subscription.teamsUserId());
            default -> log.warn("Unknown lifecycle event '{}' for subscription {}; nothing done.", event, subscription.id());
        }
    }

    private Optional<GraphSubscription> create(String teamsUserId, String mattermostUserId, String why) {
        String token = null;
        if (heldWith() == HeldWith.DELEGATED) {
            try {
                token = accounts.accessToken(teamsUserId).orElse(null);
            } catch (MicrosoftIdentityException e) {
                log.warn("No subscription for Teams user {} yet: their token could not be refreshed ({}).", teamsUserId,
                        e.getMessage());
                return Optional.empty();
            }
            if (token == null) {
                return Optional.empty(); // the connection just went
            }
        }
        EncryptionCertificate certificate = certificates.active();
        String clientState = tokens.random();
        String resource = resourceOf(teamsUserId);
        Instant expires = clock.instant().plus(settings.lifetime());
        GraphWire.Subscription created;
        try {
            created = graph.createSubscription(new GraphWire.Subscription(null, resource, "created,updated,deleted",
                    notificationUrl, lifecycleUrl, SubscriptionTimes.format(expires), clientState, true, certificate.base64Der(),
                    certificate.id()), token);
        } catch (GraphException e) {
            if (e.transientFailure() || e.status() == 401) {
                log.warn("No subscription for Teams user {} yet; tried again on the next pass: {}", teamsUserId, e.getMessage());
            } else {
                refusals.record(teamsUserId, mattermostUserId, e);
            }
            return Optional.empty();
        }
        Instant now = clock.instant();
        GraphSubscription stored = new GraphSubscription(created.id(), resource, notificationUrl, certificate.id(),
                Tokens.sha256(clientState), SubscriptionTimes.parse(created.expirationDateTime()).orElse(expires), now, now,
                GraphSubscription.Status.ACTIVE, teamsUserId, heldWith());
        subscriptions.insert(stored);
        registry.remember(stored);
        subscriptions.clearRefusal(teamsUserId);
        log.info("Created the subscription {} on the chats of Teams user {} with the {} token until {} ({}).", created.id(),
                teamsUserId, heldWith() == HeldWith.DELEGATED ? "user's" : "app's", stored.expiresAt(), why);
        return Optional.of(stored);
    }

    private void renew(GraphSubscription s) {
        Optional<Bearer> bearer = bearerNow(s);
        if (bearer.isEmpty()) {
            return;
        }
        Instant expires = clock.instant().plus(settings.lifetime());
        try {
            GraphWire.Subscription renewed = graph.renewSubscription(s.id(), SubscriptionTimes.format(expires),
                    bearer.get().userToken());
            Instant granted = SubscriptionTimes.parse(renewed.expirationDateTime()).orElse(expires);
            Instant now = clock.instant();
            subscriptions.renewed(s.id(), granted, now);
            registry.remember(s.renewed(granted, now));
        } catch (GraphException e) {
            if (e.status() == 404) {
                replaceLost(s, "Graph no longer had it when it was renewed", true);
            } else {
                log.warn("Renewing the subscription {} of Teams user {} failed; tried again on the next pass: {}", s.id(),
                        s.teamsUserId(), e.getMessage());
            }
        }
    }

    /** Asks Graph about the few subscriptions confirmed longest ago. */
    private void check(Map<String, String> connected) {
        for (String id : subscriptions.perUserLeastRecentlyChecked(CHECKS_PER_PASS)) {
            Optional<GraphSubscription> s = subscriptions.find(id);
            if (s.isEmpty() || !connected.containsKey(s.get().teamsUserId())) {
                continue;
            }
            Optional<Bearer> bearer = bearerNow(s.get());
            if (bearer.isEmpty()) {
                continue;
            }
            try {
                if (graph.subscription(id, bearer.get().userToken()).isPresent()) {
                    subscriptions.checked(id, clock.instant());
                } else {
                    replaceLost(s.get(), "Graph no longer has it", true);
                }
            } catch (GraphException e) {
                log.debug("Could not check subscription {}: {}", id, e.getMessage());
                return; // Graph is unwell: the next pass goes on
            }
        }
    }

    private void replaceLost(GraphSubscription lost, String why, boolean catchUp) {
        log.warn("The subscription {} on the chats of Teams user {} is lost: {}. A new one is created and the gap caught up.",
                lost.id(), lost.teamsUserId(), why);
        markRemoved(lost.id());
        String mattermostUserId = accounts.connected().get(lost.teamsUserId());
        if (mattermostUserId != null) {
            create(lost.teamsUserId(), mattermostUserId, "the previous one was lost");
        }
        if (catchUp) {
            events.publishEvent(new SubscriptionLost(lost.id(), lost.teamsUserId()));
        }
    }

    private void retire(GraphSubscription s, String why) {
        markRemoved(s.id());
        try {
            Optional<String> token = tokenFor(s);
            if (s.heldWith() == HeldWith.DELEGATED && token.isEmpty()) {
                log.info("Removed the subscription {} of Teams user {} ({}); without a token of theirs it stays at Graph until it "
                        + "expires at {}, and what it sends is ignored.", s.id(), s.teamsUserId(), why, s.expiresAt());
                return;
            }
            graph.deleteSubscription(s.id(), token.orElse(null));
            log.info("Deleted the subscription {} of Teams user {}: {}.", s.id(), s.teamsUserId(), why);
        } catch (GraphException | MicrosoftIdentityException e) {
            log.warn("Removed the subscription {} of Teams user {} ({}), but Graph could not be told: {}. What it sends is "
                    + "ignored, and Graph drops it when it expires at {}.", s.id(), s.teamsUserId(), why, e.getMessage(),
                    s.expiresAt());
        }
    }

    /** The token the subscription is held with: the user's (empty when they have none now) or the app's (empty). */
    private Optional<String> tokenFor(GraphSubscription s) {
        return s.heldWith() == HeldWith.DELEGATED ? accounts.accessToken(s.teamsUserId()) : Optional.empty();
    }

    /** Whom to ask Graph as: a user's token, or the app's when {@code userToken} is null. */
    private record Bearer(String userToken) {}

    /** The bearer of the subscription, or empty when the user's token cannot be had right now: skip it this pass. */
    private Optional<Bearer> bearerNow(GraphSubscription s) {
        try {
            Optional<String> token = tokenFor(s);
            return s.heldWith() == HeldWith.DELEGATED && token.isEmpty() ? Optional.empty()
                    : Optional.of(new Bearer(token.orElse(null)));
        } catch (MicrosoftIdentityException e) {
            return Optional.empty();
        }
    }

    private void markRemoved(String id) {
        subscriptions.markRemoved(id);
        registry.forget(id);
    }

    /** Connected users, those with a subscription, and Graph's refusals on record (health and admin). */
    public record Coverage(long connected, long subscribed, List<SubscriptionRepository.Refusal> refusals) {

        /** Read from the database, so every instance answers alike. */
        public static Coverage read(SubscriptionRepository subscriptions, io.teamsbridge.store.AccountLinkRepository links) {
            Set<String> connected = links.activeAccounts().keySet();
            long subscribed = subscriptions.findActivePerUser().stream().map(GraphSubscription::teamsUserId)
                    .filter(connected::contains).distinct().count();
            return new Coverage(connected.size(), subscribed, subscriptions.refusals());
        }
    }
}
