package io.teamsbridge.emulators.microsoft.notifications;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /subscriptions}, read but not yet judged: required fields may be
 * missing here, so the service can answer with Graph's own wording.
 *
 * @param includeUnknownEnumMembers whether the request carried {@code Prefer: include-unknown-enum-members}
 */
public record SubscriptionRequest(@Nullable String changeType, @Nullable String notificationUrl,
        @Nullable String resource, @Nullable Instant expiration, @Nullable String clientState,
        @Nullable String lifecycleNotificationUrl, boolean includeResourceData,
        @Nullable String encryptionCertificate, @Nullable String encryptionCertificateId,
        @Nullable String latestSupportedTlsVersion, boolean includeUnknownEnumMembers) {

    /** The clientState is a shared secret and the certificate is noise: neither goes in a log. */
    @Override
    public String toString() {
        return "SubscriptionRequest[changeType=" + changeType + ", notificationUrl=" + notificationUrl + ", resource="
                + resource + ", expiration=" + expiration + ", lifecycleNotificationUrl=" + lifecycleNotificationUrl
                + ", includeResourceData=" + includeResourceData + "]";
    }
}
