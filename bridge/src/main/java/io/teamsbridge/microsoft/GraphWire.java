package io.teamsbridge.microsoft;

import java.util.List;

/** Graph's JSON shapes that the bridge reads or writes, mapped once at the edge. */
public final class GraphWire {
    private GraphWire() {}

    public record Chat(String id, String chatType, String topic, List<ChatMember> members) {}

    public record ChatMember(String id, String userId, String displayName, String email) {}

    public record Presence(String id, String availability, String activity) {}

    public record PresenceList(List<Presence> value) {}

    public record PresenceRequest(List<String> ids) {}

    public record Subscription(String id, String resource, String changeType, String notificationUrl,
            String lifecycleNotificationUrl, String expirationDateTime, String clientState, Boolean includeResourceData,
            String encryptionCertificate, String encryptionCertificateId) {}

    public record SubscriptionList(List<Subscription> value) {}

    public record SubscriptionExpiry(String expirationDateTime) {}
}
