package io.teamsbridge.emulators.microsoft.notifications;

import io.teamsbridge.emulators.microsoft.chats.ChangeType;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A change-notification subscription as Graph keeps it. Immutable; renewals and pauses replace it.
 *
 * @param resource the resource as the subscriber wrote it, echoed back unchanged
 * @param model the billing model ({@code A}, {@code B}), or null for evaluation mode / unmetered
 * @param changeType the change types as sent, comma-separated
 * @param creatorId the signed-in user for delegated subscriptions, else the app id
 * @param delegatedUserId the signed-in user who created it, null for app-only subscriptions
 * @param notificationUrl null for another app's subscription placed through the control API: it
 *     counts against the quotas, but the emulator knows no endpoint of that app to notify
 * @param certificate set exactly when {@code includeResourceData} is
 * @param includeUnknownEnumMembers whether it was created with
 *     {@code Prefer: include-unknown-enum-members}, which decides how system events are typed
 * @param paused after {@code reauthorizationRequired} until reauthorized: changes meanwhile are lost
 */
public record Subscription(String id, String applicationId, String tenantId, String creatorId,
        @Nullable String delegatedUserId, String resource, SubscriptionScope scope, @Nullable String model,
        String changeType, @Nullable String notificationUrl, @Nullable String lifecycleNotificationUrl,
        Instant expiration, @Nullable String clientState, @Nullable EncryptionCertificate certificate,
        String latestSupportedTlsVersion, boolean includeUnknownEnumMembers, boolean paused) {

    public boolean includeResourceData() {
        return certificate != null;
    }

    public boolean notifies(ChangeType type) {
        return Arrays.stream(changeType.split(",")).map(t -> t.trim().toLowerCase(Locale.ROOT))
                .anyMatch(type.wireName()::equals);
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiration);
    }

    Subscription withExpiration(Instant newExpiration) {
        return new Subscription(id, applicationId, tenantId, creatorId, delegatedUserId, resource, scope, model,
                changeType, notificationUrl, lifecycleNotificationUrl, newExpiration, clientState, certificate,
                latestSupportedTlsVersion, includeUnknownEnumMembers, paused);
    }

    Subscription withNotificationUrl(String url) {
        return new Subscription(id, applicationId, tenantId, creatorId, delegatedUserId, resource, scope, model,
                changeType, url, lifecycleNotificationUrl, expiration, clientState, certificate,
                latestSupportedTlsVersion, includeUnknownEnumMembers, paused);
    }

    Subscription withCertificate(EncryptionCertificate newCertificate) {
        return new Subscription(id, applicationId, tenantId, creatorId, delegatedUserId, resource, scope, model,
                changeType, notificationUrl, lifecycleNotificationUrl, expiration, clientState, newCertificate,
                latestSupportedTlsVersion, includeUnknownEnumMembers, paused);
    }

    Subscription withTlsVersion(String version) {
        return new Subscription(id, applicationId, tenantId, creatorId, delegatedUserId, resource, scope, model,
                changeType, notificationUrl, lifecycleNotificationUrl, expiration, clientState, certificate,
                version, includeUnknownEnumMembers, paused);
    }

    Subscription withPaused(boolean nowPaused) {
        return new Subscription(id, applicationId, tenantId, creatorId, delegatedUserId, resource, scope, model,
                changeType, notificationUrl, lifecycleNotificationUrl, expiration, clientState, certificate,
                latestSupportedTlsVersion, includeUnknownEnumMembers, nowPaused);
    }

    /** The clientState is a shared secret: never in logs. */
    @Override
    public String toString() {
        return "Subscription[id=" + id + ", resource=" + resource + ", changeType=" + changeType + ", notificationUrl="
                + notificationUrl + ", expiration=" + expiration + ", includeResourceData=" + includeResourceData()
                + ", paused=" + paused + "]";
    }
}
