package io.teamsbridge.emulators.microsoft.notifications;

/**
 * How many chat-message subscriptions Graph allows, besides one per app and resource. Both count
 * the live subscriptions of every app, not only the caller's.
 *
 * @param perUser subscriptions on one user's chats ({@code /users/{id}/chats/getAllMessages} or
 *     {@code /me/...})
 * @param perOrganization chat-message subscriptions of any resource in one tenant
 */
public record QuotaLimits(int perUser, int perOrganization) {
    /** Graph's documented quotas, the emulator's defaults. */
    public static final QuotaLimits GRAPH = new QuotaLimits(10, 10_000);

    public QuotaLimits {
        if (perUser < 0 || perOrganization < 0) {
            throw new IllegalArgumentException("quota limits must not be negative, were " + perUser + " per user and "
                    + perOrganization + " per organization");
        }
    }
}
