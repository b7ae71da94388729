package io.teamsbridge.store;

import java.time.Instant;

/** One of our change subscriptions at Microsoft Graph. */
public record GraphSubscription(String id, String resource, String notificationUrl, String certificateId,
        String clientStateHash, Instant expiresAt, Instant createdAt, Instant renewedAt, Status status) {

    public enum Status {
        ACTIVE,
        REMOVED
    }
}
