package io.teamsbridge.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One of our change subscriptions at Microsoft Graph: tenant-wide ({@code teamsUserId} null), or on
 * one Teams user's chats, held with that user's delegated token or the app's.
 */
public record GraphSubscription(String id, String resource, String notificationUrl, String certificateId,
        String clientStateHash, Instant expiresAt, Instant createdAt, Instant renewedAt, Status status,
        @Nullable String teamsUserId, HeldWith heldWith) {

    /** A tenant-wide subscription, held with the app's token. */
    public GraphSubscription(String id, String resource, String notificationUrl, String certificateId,
            String clientStateHash, Instant expiresAt, Instant createdAt, Instant renewedAt, Status status) {
        this(id, resource, notificationUrl, certificateId, clientStateHash, expiresAt, createdAt, renewedAt, status, null,
                HeldWith.APPLICATION);
    }

    public enum Status {
        ACTIVE,
        REMOVED
    }

    /** Whose token created it, and so must renew, reauthorize and delete it. */
    public enum HeldWith {
        APPLICATION,
        DELEGATED
    }

    public boolean perUser() {
        return teamsUserId != null;
    }

    public GraphSubscription renewed(Instant expires, Instant at) {
        return new GraphSubscription(id, resource, notificationUrl, certificateId, clientStateHash, expires, createdAt, at, status,
                teamsUserId, heldWith);
    }
}
