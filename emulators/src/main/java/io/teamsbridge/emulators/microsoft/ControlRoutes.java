package io.teamsbridge.emulators.microsoft;

import io.teamsbridge.emulators.http.HttpError;
import io.teamsbridge.emulators.http.Request;
import io.teamsbridge.emulators.http.RequestStats;
import io.teamsbridge.emulators.http.Response;
import io.teamsbridge.emulators.http.Router;
import io.teamsbridge.emulators.microsoft.directory.Presence;
import io.teamsbridge.emulators.microsoft.directory.User;
import io.teamsbridge.emulators.microsoft.directory.UserDirectory;
import io.teamsbridge.emulators.microsoft.identity.IdentityProvider;
import io.teamsbridge.emulators.microsoft.notifications.DeliveryStats;
import io.teamsbridge.emulators.microsoft.notifications.QuotaLimits;
import io.teamsbridge.emulators.microsoft.notifications.SubscriptionQuotas;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code /_sandbox/} control API of the Microsoft emulator (the contract in SANDBOX.md): users,
 * presence, the SSO session, revocation, faults, quotas and counts. Chats and subscriptions have
 * their own control routes. JSON in and out; bad input is a 400 that names the field.
 *
 * <p>Beyond SANDBOX.md's table: {@code PUT /_sandbox/quotas}
 * {@code {subscriptionsPerUser?, subscriptionsPerOrganization?}} sets Graph's chat-message
 * subscription quotas (fields present replace the current value, as with faults) and answers them
 * all; {@code GET /_sandbox/quotas} reads them. {@code GET /_sandbox/stats} also answers
 * {@code notificationsBySubscription: {"<id>": {resource, sent}}} for every subscription created
 * since the start, deleted ones included.
 */
final class ControlRoutes {
    private static final Logger log = LoggerFactory.getLogger(ControlRoutes.class);
    private static final String P = "/_sandbox";

    private final UserDirectory directory;
    private final IdentityProvider identity;
    private final FaultSwitches faults;
    private final RequestStats stats;
    private final DeliveryStats deliveries;
    private final SubscriptionQuotas quotas;

    ControlRoutes(UserDirectory directory, IdentityProvider identity, FaultSwitches faults, RequestStats stats,
            DeliveryStats deliveries, SubscriptionQuotas quotas) {
        this.directory = directory;
        this.identity = identity;
        this.faults = faults;
        this.stats = stats;
        this.deliveries = deliveries;
        this.quotas = quotas;
    }

    void register(Router router) {
        router.post(P + "/users", this::createUser)
                .get(P + "/users", this::listUsers)
                .put(P + "/users/{id}/presence", this::setPresence)
                .post(P + "/users/{id}/revoke", this::revoke)
                .put(P + "/session", this::session)
                .put(P + "/faults", this::setFaults)
                .get(P + "/faults", request -> Response.json(200, faults.get()))
                .put(P + "/quotas", this::setQuotas)
                .get(P + "/quotas", request -> Response.json(200, describe(quotas.limits())))
                .get(P + "/stats", this::stats);
    }

    private Response createUser(Request request) {
        ControlBody body = ControlBody.of(request.json());
        body.rejectUnknown(Set.of("displayName", "mail", "userPrincipalName", "homeTenantId"));
        User user;
        try {
            user = directory.create(body.requiredText("displayName"), body.optionalText("mail"),
                    body.optionalText("userPrincipalName"), body.optionalText("homeTenantId"));
        } catch (IllegalArgumentException e) {
            throw ControlBody.badRequest("Cannot create the user: " + e.getMessage() + ".");
        }
        log.debug("Microsoft emulator created user {} ({})", user.id(), user.userPrincipalName());
        return Response.json(201, Map.of("id", user.id()));
    }

    private Response listUsers(Request request) {
        List<Map<String, Object>> users = directory.all().stream().map(this::describe).toList();
        return Response.json(200, users);
    }

    private Response setPresence(Request request) {
        User user = existing(request.pathParam("id"));
        ControlBody body = ControlBody.of(request.json());
        body.rejectUnknown(Set.of("availability", "activity"));
        Presence presence;
        try {
            presence = new Presence(body.requiredText("availability"), body.requiredText("activity"));
        } catch (IllegalArgumentException e) {
            throw ControlBody.badRequest("Cannot set presence: " + e.getMessage() + ".");
        }
        directory.setPresence(user.id(), presence);
        return Response.json(200, describe(user));
    }

    private Response revoke(Request request) {
        User user = existing(request.pathParam("id"));
        identity.revoke(user.id());
        log.info("Microsoft emulator revoked the refresh tokens of user {}", user.id());
        return Response.empty(204);
    }

    /** {@code {userId}} starts the SSO session; {@code {}} or a null userId ends it. */
    private Response session(Request request) {
        ControlBody body = ControlBody.of(request.json());
        body.rejectUnknown(Set.of("userId"));
        String userId = body.optionalText("userId");
        Map<String, Object> answer = new LinkedHashMap<>();
        if (userId == null) {
            identity.endSession();
            answer.put("userId", null);
            log.debug("Microsoft emulator SSO session cleared; /authorize will show the sign-in page");
        } else {
            User user = directory.byId(userId).orElseThrow(() -> ControlBody.badRequest(
                    "Cannot start a session: no user with id '" + userId + "'. Create it with POST /_sandbox/users."));
            identity.startSession(user.id());
            answer.put("userId", user.id());
            log.debug("Microsoft emulator SSO session set to user {}; /authorize signs them in without a page",
                    user.id());
        }
        return Response.json(200, answer);
    }

    private Response setFaults(Request request) {
        Faults updated = faults.apply(request.json());
        log.info("Microsoft emulator faults now {}", updated);
        return Response.json(200, updated);
    }

    /** Both fields are read before anything changes, so a bad one leaves the quotas as they were. */
    private Response setQuotas(Request request) {
        ControlBody body = ControlBody.of(request.json());
        body.rejectUnknown(Set.of("subscriptionsPerUser", "subscriptionsPerOrganization"));
        Optional<Integer> perUser = body.optionalCount("subscriptionsPerUser", Integer.MAX_VALUE)
                .map(Long::intValue);
        Optional<Integer> perOrganization = body.optionalCount("subscriptionsPerOrganization", Integer.MAX_VALUE)
                .map(Long::intValue);
        QuotaLimits updated = quotas.update(current -> new QuotaLimits(perUser.orElse(current.perUser()),
                perOrganization.orElse(current.perOrganization())));
        log.info("Microsoft emulator subscription quotas now {} per user, {} per organization", updated.perUser(),
                updated.perOrganization());
        return Response.json(200, describe(updated));
    }

    private Response stats(Request request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requests", stats.snapshot());
        body.putAll(deliveries.snapshot());
        return Response.json(200, body);
    }

    private User existing(String id) {
        return directory.byId(id).orElseThrow(() -> new HttpError(404, "not_found", "No user with id '" + id + "'."));
    }

    private static Map<String, Object> describe(QuotaLimits limits) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("subscriptionsPerUser", limits.perUser());
        out.put("subscriptionsPerOrganization", limits.perOrganization());
        return out;
    }

    private Map<String, Object> describe(User user) {
        Presence presence = directory.presence(user.id());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", user.id());
        out.put("displayName", user.displayName());
        out.put("mail", user.mail());
        out.put("userPrincipalName", user.userPrincipalName());
        if (user.homeTenantId() != null) {
            out.put("homeTenantId", user.homeTenantId());
        }
        out.put("presence", Map.of("availability", presence.availability(), "activity", presence.activity()));
        return out;
    }
}
