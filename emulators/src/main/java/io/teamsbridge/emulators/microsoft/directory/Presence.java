package io.teamsbridge.emulators.microsoft.directory;

import java.util.Set;

/**
 * A user's Teams presence. Graph types both values as open strings, but the control API accepts
 * only the documented values so a typo in a test fails loudly instead of silently meaning
 * "unknown".
 */
public record Presence(String availability, String activity) {
    public static final Set<String> AVAILABILITIES = Set.of(
            "Available", "AvailableIdle", "Away", "BeRightBack", "Busy", "BusyIdle", "DoNotDisturb", "Offline",
            "PresenceUnknown");
    public static final Set<String> ACTIVITIES = Set.of(
            "Available", "Away", "BeRightBack", "Busy", "DoNotDisturb", "InACall", "InAConferenceCall", "Inactive",
            "InAMeeting", "Offline", "OffWork", "OutOfOffice", "PresenceUnknown", "Presenting",
            "UrgentInterruptionsOnly");

    /** What Graph reports for a user who has never signed in to Teams. */
    public static final Presence OFFLINE = new Presence("Offline", "Offline");

    public Presence {
        if (!AVAILABILITIES.contains(availability)) {
            throw new IllegalArgumentException(
                    "availability '" + availability + "' is not one of " + AVAILABILITIES.stream().sorted().toList());
        }
        if (!ACTIVITIES.contains(activity)) {
            throw new IllegalArgumentException(
                    "activity '" + activity + "' is not one of " + ACTIVITIES.stream().sorted().toList());
        }
    }
}
