package io.teamsbridge.notify;

import io.teamsbridge.linking.UserSettings;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * PRODUCT.md's presence table. Away and Offline are away from Teams; Available, Busy, Do not
 * disturb and Be right back (and their idle forms) are present and hold notifications back, except
 * Busy and Do not disturb for a user who asked to be told then. The activities OffWork and
 * Inactive count as away whatever the availability. Presence that is missing, PresenceUnknown, or
 * a value this rule does not know counts as away: a missed message is worse than an extra one.
 */
final class PresenceRule {
    /** Present availabilities, by Graph's value in lower case, with the name users know them by. */
    private static final Map<String, String> PRESENT = Map.of(
            "available", "Available", "availableidle", "Available",
            "busy", "Busy", "busyidle", "Busy",
            "donotdisturb", "Do not disturb",
            "berightback", "Be right back");
    private static final Set<String> AWAY_ACTIVITY = Set.of("offwork", "inactive");

    private PresenceRule() {}

    /** The state that holds the notification back, or empty when the user is to be notified. */
    static Optional<String> heldBackAs(String availability, String activity, UserSettings settings) {
        if (availability == null || activity != null && AWAY_ACTIVITY.contains(activity.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        String state = PRESENT.get(availability.toLowerCase(Locale.ROOT));
        if (state == null || state.equals("Busy") && settings.whileBusy()
                || state.equals("Do not disturb") && settings.whileDoNotDisturb()) {
            return Optional.empty();
        }
        return Optional.of(state);
    }

    /** With the default settings: whether a user with this presence is notified. */
    static boolean shouldNotify(String availability, String activity) {
        return heldBackAs(availability, activity, UserSettings.DEFAULTS).isEmpty();
    }
}
