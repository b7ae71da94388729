package io.teamsbridge.linking;

import java.util.Locale;

/** Whether a Microsoft account's address is the Mattermost account's: trimmed, case-insensitive. */
final class EmailMatch {
    private EmailMatch() {}

    static boolean matches(String microsoftEmail, String mattermostEmail) {
        if (microsoftEmail == null || mattermostEmail == null || microsoftEmail.isBlank() || mattermostEmail.isBlank()) {
            return false;
        }
        return normalize(microsoftEmail).equals(normalize(mattermostEmail));
    }

    private static String normalize(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
