package io.teamsbridge.emulators.microsoft.notifications;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One notification waiting for delivery: its JSON item, ready to go into a {@code value} array,
 * and what the batch around it needs to know.
 *
 * @param subscriptionId the subscription it is for, to count it per subscription once delivered
 * @param withResourceData whether the batch must carry a validation token for this app and tenant
 * @param queuedAt when the change happened, by the emulator clock: the retry window starts here
 */
record PendingNotification(Kind kind, String subscriptionId, String applicationId, String tenantId,
        boolean withResourceData, Map<String, @Nullable Object> item, Instant queuedAt) {

    /** Change and lifecycle notifications never share a POST: receivers tell them apart by payload. */
    enum Kind { CHANGE, LIFECYCLE }
}
