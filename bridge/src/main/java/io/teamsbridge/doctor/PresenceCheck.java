package io.teamsbridge.doctor;

import io.teamsbridge.config.MicrosoftProperties;
import io.teamsbridge.microsoft.AppTokens;
import io.teamsbridge.microsoft.GrantedPermissions;
import io.teamsbridge.microsoft.MicrosoftIdentity;
import io.teamsbridge.microsoft.MicrosoftIdentityException;
import java.util.List;
import java.util.function.Function;

/**
 * Who reads presence in the per-user mode with delegated tokens: the app where it holds the
 * application Presence.Read.All, otherwise connected users whose sign-in granted the delegated
 * one. When neither can, everyone counts as away and is notified even while at work in Teams. In
 * the other modes presence needs the application permission, which the Microsoft check covers.
 */
final class PresenceCheck implements Check {
    private static final String CHECK = "Presence";

    private final AppTokens appTokens;
    private final Function<String, GrantedPermissions.Grants> grants;
    private final boolean usersMayRead;

    /**
     * @param grants how many connected users' sign-ins granted a permission, of how many connected
     * @param usersMayRead whether users' tokens may stand in for the application permission ({@link MicrosoftProperties.Subscription#usersOwnTokens()})
     */
    PresenceCheck(AppTokens appTokens, Function<String, GrantedPermissions.Grants> grants, boolean usersMayRead) {
        this.appTokens = appTokens;
        this.grants = grants;
        this.usersMayRead = usersMayRead;
    }

    @Override
    public List<Finding> run() {
        if (!usersMayRead) {
            return List.of();
        }
        try {
            if (appTokens.holds("Presence.Read.All") || appTokens.holds("Presence.ReadWrite.All")) {
                return List.of(Finding.pass(CHECK, "read by the app, which holds the application permission Presence.Read.All"));
            }
        } catch (MicrosoftIdentityException e) {
            // no app token now (the Microsoft check says why): the users' tokens may still do
        }
        GrantedPermissions.Grants grants = this.grants.apply(MicrosoftIdentity.PRESENCE_DELEGATED);
        String counts = String.format("%,d of %,d connected users' sign-ins granted the delegated %s", grants.granting(),
                grants.connected(), MicrosoftIdentity.PRESENCE_DELEGATED);
        if (grants.connected() == 0) {
            return List.of(Finding.pass(CHECK, "read with a connected user's delegated " + MicrosoftIdentity.PRESENCE_DELEGATED
                    + ", which each sign-in asks for; nobody is connected yet"));
        }
        if (grants.granting() == 0) {
            return List.of(Finding.fail(CHECK, "cannot be read: the app lacks the application permission Presence.Read.All and "
                    + counts + "; everyone counts as away, and is notified even while active in Teams",
                    "grant the application permission Presence.Read.All with admin consent, or ask one connected user to run "
                            + "/msteams disconnect and /msteams connect (their new sign-in asks for the delegated permission)"));
        }
        return List.of(Finding.pass(CHECK, "read with a connected user's delegated token: " + counts));
    }
}
