package io.teamsbridge.notify;

import java.util.Set;

/**
 * PRODUCT.md's presence table: Away and Offline are away from Teams; Available, Busy, Do not
 * disturb and Be right back are not. The activities OffWork and Inactive count as away. When
 * presence is unknown the notification is delivered: a missed message is worse than an extra one.
 */
final class PresenceRule {
    private static final Set<String> AWAY_AVAILABILITY = Set.of("away", "offline", "presenceunknown");
    private static final Set<String> AWAY_ACTIVITY = Set.of("offwork", "inactive", "away", "offline");

    private PresenceRule() {}

    /** Whether a user with this presence should be notified. Null or empty values count as unknown. */
    static boolean shouldNotify(String availability, String activity) {
        if (availability == null || availability.isBlank()) {
            return true;
        }
        return AWAY_AVAILABILITY.contains(availability.toLowerCase(java.util.Locale.ROOT))
                || (activity != null && AWAY_ACTIVITY.contains(activity.toLowerCase(java.util.Locale.ROOT)));
    }
}
