package io.teamsbridge.emulators.microsoft;

import io.teamsbridge.emulators.http.HttpError;
import io.teamsbridge.emulators.http.Request;
import io.teamsbridge.emulators.http.Response;
import io.teamsbridge.emulators.http.Router;
import io.teamsbridge.emulators.microsoft.chats.GraphTime;
import io.teamsbridge.emulators.microsoft.notifications.EncryptionCertificate;
import io.teamsbridge.emulators.microsoft.notifications.LifecycleNotifier;
import io.teamsbridge.emulators.microsoft.notifications.Subscription;
import io.teamsbridge.emulators.microsoft.notifications.SubscriptionService;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The control API's view of Graph subscriptions: list them (never with their clientState), send
 * lifecycle events, and make one vanish as if Microsoft lost it.
 */
final class SubscriptionControlRoutes {
    private static final String P = "/_sandbox/subscriptions";

    private final SubscriptionService subscriptions;
    private final LifecycleNotifier lifecycle;

    SubscriptionControlRoutes(SubscriptionService subscriptions, LifecycleNotifier lifecycle) {
        this.subscriptions = subscriptions;
        this.lifecycle = lifecycle;
    }

    void register(Router router) {
        router.get(P, this::list)
                .post(P + "/{id}/lifecycle", this::fire)
                .delete(P + "/{id}", this::vanish);
    }

    private Response list(Request request) {
        return Response.json(200, subscriptions.all().stream().map(SubscriptionControlRoutes::describe).toList());
    }

    private Response fire(Request request) {
        ControlBody body = ControlBody.of(request.json());
        body.rejectUnknown(Set.of("event"));
        boolean sent = lifecycle.fire(request.pathParam("id"), body.requiredText("event"));
        return Response.json(202, Map.of("sent", sent));
    }

    private Response vanish(Request request) {
        String id = request.pathParam("id");
        if (!subscriptions.vanish(id)) {
            throw new HttpError(404, "not_found", "No live subscription with id '" + id + "'.");
        }
        return Response.empty(204);
    }

    /** The SANDBOX.md fields, plus whether delivery is paused awaiting reauthorization. */
    private static Map<String, @Nullable Object> describe(Subscription subscription) {
        EncryptionCertificate certificate = subscription.certificate();
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("id", subscription.id());
        out.put("resource", subscription.resource());
        out.put("changeType", subscription.changeType());
        out.put("notificationUrl", subscription.notificationUrl());
        out.put("lifecycleNotificationUrl", subscription.lifecycleNotificationUrl());
        out.put("expirationDateTime", GraphTime.ticks(subscription.expiration()));
        out.put("includeResourceData", subscription.includeResourceData());
        out.put("encryptionCertificate", certificate == null ? null : certificate.asSent());
        out.put("encryptionCertificateId", certificate == null ? null : certificate.id());
        out.put("applicationId", subscription.applicationId());
        out.put("reauthorizationRequired", subscription.paused());
        return out;
    }
}
