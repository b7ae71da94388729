package io.teamsbridge.microsoft.changes;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * One Graph {@code changeNotification}, as sent: every field may be absent, so every field is
 * nullable and callers check what they rely on. A lifecycle notification carries
 * {@code lifecycleEvent} and no resource; a rich chat-message notification carries
 * {@code resourceData} (cleartext ids) and {@code encryptedContent} (the message itself).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChangeNotification(
        @Nullable String subscriptionId,
        @Nullable String subscriptionExpirationDateTime,
        @Nullable String changeType,
        @Nullable String clientState,
        @Nullable String tenantId,
        @Nullable String resource,
        @Nullable ResourceData resourceData,
        @Nullable EncryptedContent encryptedContent,
        @Nullable String lifecycleEvent) {

    /** Whether this is a lifecycle notification (reauthorizationRequired, subscriptionRemoved, missed). */
    public boolean isLifecycleEvent() {
        return lifecycleEvent != null;
    }

    /** Leaves out clientState (a shared secret) and the encrypted payload. */
    @Override
    public String toString() {
        return "ChangeNotification[subscriptionId=" + subscriptionId + ", changeType=" + changeType
                + ", lifecycleEvent=" + lifecycleEvent + ", tenantId=" + tenantId + ", resource=" + resource
                + ", encrypted=" + (encryptedContent != null) + "]";
    }
}
