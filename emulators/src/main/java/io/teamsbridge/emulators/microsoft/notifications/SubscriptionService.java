package io.teamsbridge.emulators.microsoft.notifications;

import io.teamsbridge.emulators.http.HttpError;
import io.teamsbridge.emulators.microsoft.identity.Caller;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subscription operations of Graph ({@code /subscriptions} CRUD and {@code reauthorize}) and
 * the control API's view of them. A caller sees the subscriptions of its app; a signed-in user only
 * those they created. Creation is refused with 403 over one of Graph's {@link SubscriptionQuotas}.
 */
public final class SubscriptionService {
    private static final Logger log = LoggerFactory.getLogger(SubscriptionService.class);

    private final SubscriptionStore store;
    private final SubscriptionResource resources;
    private final ValidationHandshake handshake;
    private final DeliveryStats stats;
    private final Clock clock;

    SubscriptionService(SubscriptionStore store, SubscriptionResource resources, ValidationHandshake handshake,
            DeliveryStats stats, Clock clock) {
        this.store = store;
        this.resources = resources;
        this.handshake = handshake;
        this.stats = stats;
        this.clock = clock;
    }

    /**
     * Validates the request, checks the caller may subscribe and no quota is used up (its app's one
     * per resource, the user's, the organization's), then performs the validation handshake with
     * both URLs before storing it; the quotas are checked again as it is stored, since creates may
     * have raced through the handshake.
     *
     * @throws io.teamsbridge.emulators.http.HttpError with Graph's status, code and message
     */
    public Subscription create(Caller caller, SubscriptionRequest request) {
        String changeType = SubscriptionRules.changeType(SubscriptionRules.required(request.changeType(),
                "changeType"));
        String notificationUrl = SubscriptionRules.url(SubscriptionRules.required(request.notificationUrl(),
                "notificationUrl"), "notificationUrl");
        String resource = SubscriptionRules.required(request.resource(), "resource");
        Instant expiration = SubscriptionRules.required(request.expiration(), "expirationDateTime");
        String lifecycleUrl = request.lifecycleNotificationUrl() == null ? null
                : SubscriptionRules.url(request.lifecycleNotificationUrl(), "lifecycleNotificationUrl");
        SubscriptionRules.expiration(expiration, clock.instant(), lifecycleUrl);
        SubscriptionRules.clientState(request.clientState());
        String tls = SubscriptionRules.tlsVersion(request.latestSupportedTlsVersion());
        EncryptionCertificate certificate = request.includeResourceData()
                ? SubscriptionRules.certificate(request.encryptionCertificate(), request.encryptionCertificateId())
                : null;
        SubscriptionResource.Resolved resolved = resources.resolve(caller, resource, "Create");
        Subscription candidate = new Subscription(UUID.randomUUID().toString(), caller.appId(), caller.tenantId(),
                caller.delegated() ? Objects.requireNonNull(caller.userId()) : caller.appId(), caller.userId(),
                resource, resolved.scope(), resolved.model(), changeType, notificationUrl, lifecycleUrl, expiration,
                request.clientState(), certificate, tls, request.includeUnknownEnumMembers(), false);
        throwIfRefused(store.refusal(candidate));
        handshake.validate(notificationUrl);
        if (lifecycleUrl != null) {
            handshake.validate(lifecycleUrl);
        }
        throwIfRefused(store.addUnlessRefused(candidate));
        stats.track(candidate);
        log.info("Microsoft emulator created subscription {} on {} for app {} (expires {}, resource data {})",
                candidate.id(), resource, caller.appId(), expiration, candidate.includeResourceData());
        return candidate;
    }

    /**
     * Stores a subscription of another app in the tenant, as if that app had created it through
     * Graph, so a test can fill a user's or the organization's quota: it counts against the quotas,
     * is listed by the control API, expires and can be deleted like any. The emulator knows no
     * endpoint of that app, so there is no handshake and nothing is delivered for it; the
     * registered app never sees it through Graph.
     *
     * @param expiration null for the longest lifetime, so it stays while a test runs
     * @throws HttpError 400 for a bad resource, change type or expiry; 403 over a quota, as at Graph
     */
    public Subscription createForOtherApp(String tenantId, String applicationId, String resource,
            String changeType, @Nullable Instant expiration) {
        String types = SubscriptionRules.changeType(changeType);
        Instant expires = expiration != null ? expiration : clock.instant().plus(SubscriptionRules.MAX_LIFETIME);
        SubscriptionRules.lifetime(expires, clock.instant());
        Caller app = new Caller(tenantId, applicationId, null, Set.of(), Set.of("Chat.Read.All"));
        SubscriptionResource.Resolved resolved = resources.resolve(app, resource, "Create");
        Subscription subscription = new Subscription(UUID.randomUUID().toString(), applicationId, tenantId,
                applicationId, null, resource, resolved.scope(), resolved.model(), types, null, null, expires, null,
                null, "v1_2", false, false);
        throwIfRefused(store.addUnlessRefused(subscription));
        stats.track(subscription);
        log.info("Microsoft emulator created subscription {} on {} for other app {} (control API; expires {})",
                subscription.id(), resource, applicationId, expires);
        return subscription;
    }

    public List<Subscription> list(Caller caller) {
        return store.active().stream().filter(s -> ownedBy(s, caller)).toList();
    }

    public Subscription get(Caller caller, String id) {
        return owned(caller, id);
    }

    /** Renews, moves or re-keys a subscription; any successful update also reauthorizes it. */
    public Subscription update(Caller caller, String id, SubscriptionPatch patch) {
        Subscription current = owned(caller, id);
        resources.resolve(caller, current.resource(), "Update");
        Subscription next = current;
        if (patch.expiration() != null) {
            SubscriptionRules.expiration(patch.expiration(), clock.instant(), current.lifecycleNotificationUrl());
            next = next.withExpiration(patch.expiration());
        }
        if (patch.notificationUrl() != null && !patch.notificationUrl().equals(current.notificationUrl())) {
            handshake.validate(SubscriptionRules.url(patch.notificationUrl(), "notificationUrl"));
            next = next.withNotificationUrl(patch.notificationUrl());
        }
        if (patch.encryptionCertificate() != null || patch.encryptionCertificateId() != null) {
            next = next.withCertificate(rotated(current, patch));
        }
        if (patch.latestSupportedTlsVersion() != null) {
            next = next.withTlsVersion(SubscriptionRules.tlsVersion(patch.latestSupportedTlsVersion()));
        }
        Subscription stored = store.replace(next.withPaused(false)).orElseThrow(() -> SubscriptionErrors.notFound(id));
        log.info("Microsoft emulator updated subscription {} (expires {})", id, stored.expiration());
        return stored;
    }

    /** Resumes delivery paused by {@code reauthorizationRequired}, if the caller may still subscribe. */
    public void reauthorize(Caller caller, String id) {
        Subscription current = owned(caller, id);
        resources.resolve(caller, current.resource(), "Reauthorize");
        store.replace(current.withPaused(false)).orElseThrow(() -> SubscriptionErrors.notFound(id));
        log.info("Microsoft emulator reauthorized subscription {}", id);
    }

    public void delete(Caller caller, String id) {
        owned(caller, id);
        store.remove(id);
        log.info("Microsoft emulator deleted subscription {} at the subscriber's request", id);
    }

    /** Every live subscription, for the control API. */
    public List<Subscription> all() {
        return store.active();
    }

    public Optional<Subscription> find(String id) {
        return store.find(id);
    }

    /** Deletes it without telling anybody: a subscription lost on Microsoft's side. */
    public boolean vanish(String id) {
        boolean removed = store.remove(id).isPresent();
        if (removed) {
            log.info("Microsoft emulator dropped subscription {} silently (control API)", id);
        }
        return removed;
    }

    private EncryptionCertificate rotated(Subscription current, SubscriptionPatch patch) {
        if (!current.includeResourceData()) {
            throw SubscriptionErrors.invalid("encryptionCertificate can only be changed on a subscription created"
                    + " with includeResourceData.");
        }
        EncryptionCertificate old = Objects.requireNonNull(current.certificate());
        return SubscriptionRules.certificate(
                patch.encryptionCertificate() != null ? patch.encryptionCertificate() : old.asSent(),
                patch.encryptionCertificateId() != null ? patch.encryptionCertificateId() : old.id());
    }

    private Subscription owned(Caller caller, String id) {
        return store.find(id).filter(s -> ownedBy(s, caller)).orElseThrow(() -> SubscriptionErrors.notFound(id));
    }

    private static boolean ownedBy(Subscription subscription, Caller caller) {
        return subscription.applicationId().equals(caller.appId())
                && (!caller.delegated() || Objects.equals(caller.userId(), subscription.delegatedUserId()));
    }

    private static void throwIfRefused(Optional<HttpError> refusal) {
        if (refusal.isPresent()) {
            throw refusal.get();
        }
    }
}
