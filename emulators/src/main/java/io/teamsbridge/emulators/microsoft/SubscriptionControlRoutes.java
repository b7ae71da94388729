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
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The control API's view of Graph subscriptions: list them (never with their clientState), send
 * lifecycle events, make one vanish as if Microsoft lost it, and add one of another app.
 *
 * <p>Beyond SANDBOX.md's table: {@code POST /_sandbox/subscriptions}
 * {@code {resource, applicationId?, changeType?, expirationDateTime?}} → 201 with the subscription
 * as listed: another app of the tenant subscribes (a fresh app id unless given; not the registered
 * app's). It takes its place in Graph's quotas, so a test can fill a user's ten, but nothing is
 * delivered for it ({@code notificationUrl} is null). A quota refusal is Graph's 403
 * {@code ExtensionError}, a bad field a 400.
 */
final class SubscriptionControlRoutes {
    private static final String P = "/_sandbox/subscriptions";

    private final SubscriptionService subscriptions;
    private final LifecycleNotifier lifecycle;
    private final String tenantId;
    private final String registeredAppId;

    /** @param registeredAppId the app the emulator registers: its subscriptions go through Graph */
    SubscriptionControlRoutes(SubscriptionService subscriptions, LifecycleNotifier lifecycle, String tenantId,
            String registeredAppId) {
        this.subscriptions = subscriptions;
        this.lifecycle = lifecycle;
        this.tenantId = tenantId;
        this.registeredAppId = registeredAppId;
    }

    void register(Router router) {
        router.get(P, this::list)
                .post(P, this::createForOtherApp)
                .post(P + "/{id}/lifecycle", this::fire)
                .delete(P + "/{id}", this::vanish);
    }

    private Response list(Request request) {
        return Response.json(200, subscriptions.all().stream().map(SubscriptionControlRoutes::describe).toList());
    }

    private Response createForOtherApp(Request request) {
        ControlBody body = ControlBody.of(request.json());
        body.rejectUnknown(Set.of("resource", "applicationId", "changeType", "expirationDateTime"));
        String applicationId = body.optionalText("applicationId");
        if (applicationId == null) {
            applicationId = UUID.randomUUID().toString();
        } else if (applicationId.isBlank() || applicationId.equalsIgnoreCase(registeredAppId)) {
            // The registered app's subscriptions need the handshake and a webhook: only Graph makes those.
            throw ControlBody.badRequest("Field 'applicationId' must name another app than the registered one ('"
                    + registeredAppId + "'), whose subscriptions are created through POST /v1.0/subscriptions.");
        }
        String changeType = body.optionalText("changeType");
        Subscription created = subscriptions.createForOtherApp(tenantId, applicationId,
                body.requiredText("resource"), changeType == null ? "created,updated,deleted" : changeType,
                body.optionalInstant("expirationDateTime"));
        return Response.json(201, describe(created));
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
