package io.teamsbridge.doctor;

import io.teamsbridge.microsoft.subscriptions.SubscriptionModes;
import java.util.List;

/**
 * The subscription modes side by side: what each needs from Microsoft, whether that is granted, and
 * the last day's traffic. Informational: the permissions of the mode in use are checked (and fail)
 * in the Microsoft check.
 */
final class ModesCheck implements Check {
    private final SubscriptionModes modes;

    ModesCheck(SubscriptionModes modes) {
        this.modes = modes;
    }

    @Override
    public List<Finding> run() {
        try {
            return modes.options().stream().map(ModesCheck::finding).toList();
        } catch (RuntimeException e) {
            return List.of(Finding.warn("Subscription modes", "cannot be compared now: " + Messages.firstLine(e),
                    "see the database and Microsoft checks"));
        }
    }

    private static Finding finding(SubscriptionModes.Option o) {
        String granted = o.applicationPermissions().isEmpty() ? ""
                : o.missing() == null ? " (unknown whether granted)"
                : o.missing().isEmpty() ? " (granted)" : " (missing " + String.join(", ", o.missing()) + ")";
        return Finding.pass("Mode " + o.name() + (o.inUse() ? " (in use)" : ""), "application permissions "
                + o.applicationPermissionsText() + granted + "; delegated: " + o.delegatedUse()
                + "; traffic: " + o.traffic());
    }
}
