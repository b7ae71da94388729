package io.teamsbridge.linking;

import io.teamsbridge.config.ConnectionsProperties;
import io.teamsbridge.mattermost.MattermostWire;
import io.teamsbridge.ops.Switches;
import io.teamsbridge.store.AccountLink;
import io.teamsbridge.store.AccountLinkRepository;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The administrator's rules on who may connect: an email Mattermost vouches for, the allow-list
 * and the connection limit (both live: {@link Switches}).
 */
@Component
class ConnectPolicy {
    private final Switches switches;
    private final boolean requireVerifiedEmail;
    private final AccountLinkRepository links;

    ConnectPolicy(ConnectionsProperties connections, AccountLinkRepository links, Switches switches) {
        this.switches = switches;
        this.requireVerifiedEmail = connections.requireVerifiedEmail();
        this.links = links;
    }

    boolean requiresVerifiedEmail() {
        return requireVerifiedEmail;
    }

    /**
     * Why this Mattermost account may not connect on its email, if it may not. The email decides
     * which Teams account the user may connect; an address the user typed and never confirmed
     * could be a colleague's, whose chats would then be forwarded to the wrong person.
     */
    Optional<String> emailRefusal(MattermostWire.User user) {
        if (!requireVerifiedEmail || user.emailTrusted()) {
            return Optional.empty();
        }
        return Optional.of("Your Mattermost email address is not verified, and teams-bridge connects only accounts whose "
                + "email Mattermost has verified. Verify your email in Mattermost (Profile > Security, or the link in the "
                + "verification email), or ask your administrator.");
    }

    boolean hasAllowList() {
        return !switches.allowList().isEmpty();
    }

    /** Whether the username or the email is on the allow-list (always, when there is none). */
    boolean allows(String username, String email) {
        Set<String> allowed = switches.allowList();
        return allowed.isEmpty()
                || (username != null && allowed.contains(username.toLowerCase(Locale.ROOT)))
                || (email != null && allowed.contains(email.trim().toLowerCase(Locale.ROOT)));
    }

    /** Why a new connection for this user would exceed the limit, if it would. */
    Optional<String> limitReached(String mattermostUserId) {
        int maxUsers = switches.maxUsers();
        if (maxUsers <= 0 || links.findByMattermostUser(mattermostUserId).filter(AccountLink::active).isPresent()) {
            return Optional.empty();
        }
        return links.countActive() >= maxUsers
                ? Optional.of("The administrator allows at most " + maxUsers + " connected users, and that many are connected.")
                : Optional.empty();
    }
}
