package io.teamsbridge.emulators.microsoft.notifications;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code PATCH /subscriptions/{id}}: the properties Graph lets a subscriber change,
 * each null when not sent. Renewing the expiry also reauthorizes the subscription.
 */
public record SubscriptionPatch(@Nullable Instant expiration, @Nullable String notificationUrl,
        @Nullable String encryptionCertificate, @Nullable String encryptionCertificateId,
        @Nullable String latestSupportedTlsVersion) {}
