package io.teamsbridge.emulators.microsoft.directory;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A member of the emulated tenant. {@code mail} is null for users without a mailbox, as in Entra;
 * the user principal name is always set and is what people sign in with.
 */
public record User(
        String id,
        String displayName,
        @Nullable String givenName,
        @Nullable String surname,
        @Nullable String mail,
        String userPrincipalName) {

    /** Whether {@code login} names this user, by UPN or mail, ignoring case as Entra does. */
    public boolean answersTo(String login) {
        String wanted = login.trim().toLowerCase(Locale.ROOT);
        return userPrincipalName.toLowerCase(Locale.ROOT).equals(wanted)
                || (mail != null && mail.toLowerCase(Locale.ROOT).equals(wanted));
    }
}
