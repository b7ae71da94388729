package io.teamsbridge.emulators.microsoft.graph;

import io.teamsbridge.emulators.microsoft.chats.GraphTime;
import io.teamsbridge.emulators.microsoft.notifications.EncryptionCertificate;
import io.teamsbridge.emulators.microsoft.notifications.Subscription;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A subscription in Graph's {@code microsoft.graph.subscription} shape, as the documented examples show it. */
final class SubscriptionJson {
    private SubscriptionJson() {}

    static Map<String, @Nullable Object> render(Subscription subscription) {
        EncryptionCertificate certificate = subscription.certificate();
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("id", subscription.id());
        out.put("resource", subscription.resource());
        out.put("applicationId", subscription.applicationId());
        out.put("changeType", subscription.changeType());
        out.put("clientState", subscription.clientState());
        out.put("notificationUrl", subscription.notificationUrl());
        out.put("notificationQueryOptions", null);
        out.put("lifecycleNotificationUrl", subscription.lifecycleNotificationUrl());
        out.put("expirationDateTime", GraphTime.ticks(subscription.expiration()));
        out.put("creatorId", subscription.creatorId());
        out.put("includeResourceData", subscription.includeResourceData());
        out.put("latestSupportedTlsVersion", subscription.latestSupportedTlsVersion());
        out.put("encryptionCertificate", certificate == null ? null : certificate.asSent());
        out.put("encryptionCertificateId", certificate == null ? null : certificate.id());
        out.put("notificationUrlAppId", null);
        return out;
    }
}
