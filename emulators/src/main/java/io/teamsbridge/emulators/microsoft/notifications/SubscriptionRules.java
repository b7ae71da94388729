package io.teamsbridge.emulators.microsoft.notifications;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The documented checks on subscription properties, each failing with a 400 that names the rule. */
final class SubscriptionRules {
    /** Longest lifetime of a Teams chatMessage subscription: 3 days. */
    static final Duration MAX_LIFETIME = Duration.ofMinutes(4320);
    /** Beyond this, Graph insists on a lifecycle URL. */
    static final Duration LIFECYCLE_REQUIRED_AFTER = Duration.ofHours(1);
    static final int MAX_CLIENT_STATE = 128;
    static final int MAX_CERTIFICATE_ID = 128;
    static final Set<String> CHANGE_TYPES = Set.of("created", "updated", "deleted");
    static final Set<String> TLS_VERSIONS = Set.of("v1_0", "v1_1", "v1_2", "v1_3");

    private SubscriptionRules() {}

    static <T> T required(@Nullable T value, String property) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            throw SubscriptionErrors.invalid(property + " is a required property for subscription creation.");
        }
        return value;
    }

    static String changeType(String changeType) {
        String[] types = changeType.split(",");
        for (String type : types) {
            if (!CHANGE_TYPES.contains(type.trim())) {
                throw SubscriptionErrors.invalid("Invalid 'changeType' attribute: '" + type.trim() + "'. Chat messages"
                        + " support " + CHANGE_TYPES.stream().sorted().toList() + ".");
            }
        }
        return String.join(",", Arrays.stream(types).map(String::trim).toList());
    }

    static String url(String url, String property) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw SubscriptionErrors.invalid("Invalid " + property + " '" + url + "'.");
        }
        // Graph insists on https; the emulator also takes http because the bridge listens on loopback.
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getFragment() != null
                || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
            throw SubscriptionErrors.invalid("Invalid " + property + " '" + url + "': an absolute https URL is"
                    + " required.");
        }
        return url;
    }

    static void expiration(Instant expiration, Instant now, @Nullable String lifecycleNotificationUrl) {
        lifetime(expiration, now);
        if (lifecycleNotificationUrl == null && expiration.isAfter(now.plus(LIFECYCLE_REQUIRED_AFTER))) {
            throw SubscriptionErrors.invalid("lifecycleNotificationUrl is a required property for subscription"
                    + " creation on this resource when the expirationDateTime value is set to greater than 1 hour");
        }
    }

    /** In the future, and no further than the longest lifetime. */
    static void lifetime(Instant expiration, Instant now) {
        if (!expiration.isAfter(now)) {
            throw SubscriptionErrors.invalid("Subscription expiration must be in the future.");
        }
        if (expiration.isAfter(now.plus(MAX_LIFETIME))) {
            throw SubscriptionErrors.invalid("Subscription expiration can only be " + MAX_LIFETIME.toMinutes()
                    + " minutes in the future.");
        }
    }

    static void clientState(@Nullable String clientState) {
        if (clientState != null && clientState.length() > MAX_CLIENT_STATE) {
            throw SubscriptionErrors.invalid("clientState can be at most " + MAX_CLIENT_STATE + " characters long.");
        }
    }

    static String tlsVersion(@Nullable String version) {
        if (version == null) {
            return "v1_2";
        }
        if (!TLS_VERSIONS.contains(version)) {
            throw SubscriptionErrors.invalid("Invalid latestSupportedTlsVersion '" + version + "'; supported: "
                    + TLS_VERSIONS.stream().sorted().toList() + ".");
        }
        return version;
    }

    static EncryptionCertificate certificate(@Nullable String certificate, @Nullable String certificateId) {
        if (certificate == null || certificate.isBlank()) {
            throw SubscriptionErrors.invalid("encryptionCertificate is a required property for subscription creation"
                    + " on this resource when includeResourceData is set to true.");
        }
        if (certificateId == null || certificateId.isBlank()) {
            throw SubscriptionErrors.invalid("encryptionCertificateId is a required property for subscription"
                    + " creation on this resource when includeResourceData is set to true.");
        }
        if (certificateId.length() > MAX_CERTIFICATE_ID) {
            throw SubscriptionErrors.invalid("encryptionCertificateId can be at most " + MAX_CERTIFICATE_ID
                    + " characters long.");
        }
        try {
            return EncryptionCertificate.parse(certificate, certificateId);
        } catch (IllegalArgumentException e) {
            throw SubscriptionErrors.invalid("Certificate validation error: " + e.getMessage() + ".");
        }
    }
}
