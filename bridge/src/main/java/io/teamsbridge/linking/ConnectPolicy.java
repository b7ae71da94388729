package io.teamsbridge.linking;

import io.teamsbridge.config.ConnectionsProperties;
import io.teamsbridge.store.AccountLinkRepository;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The administrator's rules on who may connect: the allow-list and the connection limit. */
@Component
class ConnectPolicy {
    private final Set<String> allowed;
    private final int maxUsers;
    private final AccountLinkRepository links;

    ConnectPolicy(ConnectionsProperties connections, AccountLinkRepository links) {
        this.allowed = connections.allowed();
        this.maxUsers = connections.maxUsers();
        this.links = links;
    }

    boolean hasAllowList() {
        return !allowed.isEmpty();
    }

    /** Whether the username or the email is on the allow-list (always, when there is none). */
    boolean allows(String username, String email) {
        return allowed.isEmpty()
                || (username != null && allowed.contains(username.toLowerCase(Locale.ROOT)))
                || (email != null && allowed.contains(email.trim().toLowerCase(Locale.ROOT)));
    }

    /** Why a new connection for this user would exceed the limit, if it would. */
    Optional<String> limitReached(String mattermostUserId) {
        if (maxUsers <= 0 || links.findByMattermostUser(mattermostUserId).isPresent()) {
            return Optional.empty();
        }
        return links.count() >= maxUsers
                ? Optional.of("The administrator allows at most " + maxUsers + " connected users, and that many are connected.")
                : Optional.empty();
    }
}
