package io.teamsbridge.emulators.microsoft.directory;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A member of the emulated tenant. {@code mail} is null for users without a mailbox, as in Entra;
 * the user principal name is always set and is what people sign in with. {@code homeTenantId} is
 * null for the emulated tenant's own members; set, the user belongs to another organisation and
 * their tokens name that tenant in {@code tid}, as when an app registered for several
 * organisations is signed in to from outside its own.
 */
public record User(
        String id,
        String displayName,
        @Nullable String givenName,
        @Nullable String surname,
        @Nullable String mail,
        String userPrincipalName,
        @Nullable String homeTenantId) {

    public User(String id, String displayName, @Nullable String givenName, @Nullable String surname, @Nullable String mail,
            String userPrincipalName) {
        this(id, displayName, givenName, surname, mail, userPrincipalName, null);
    }

    /** The tenant the user's tokens name. */
    public String tenantOr(String emulatedTenant) {
        return homeTenantId != null ? homeTenantId : emulatedTenant;
    }

    /** Whether {@code login} names this user, by UPN or mail, ignoring case as Entra does. */
    public boolean answersTo(String login) {
        String wanted = login.trim().toLowerCase(Locale.ROOT);
        return userPrincipalName.toLowerCase(Locale.ROOT).equals(wanted)
                || (mail != null && mail.toLowerCase(Locale.ROOT).equals(wanted));
    }
}
