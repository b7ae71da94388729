package io.teamsbridge.linking;

import io.teamsbridge.mattermost.MattermostClient;
import io.teamsbridge.mattermost.MattermostWire;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Answers early, when {@code /msteams connect} is typed, whether the administrator's rules would
 * refuse this user, so nobody signs in to Microsoft only to be turned away. The rules are checked
 * again when the sign-in completes.
 */
@Component
class ConnectGate {
    private final ConnectPolicy policy;
    private final MattermostClient mattermost;

    ConnectGate(ConnectPolicy policy, MattermostClient mattermost) {
        this.policy = policy;
        this.mattermost = mattermost;
    }

    Optional<String> refusal(String userId) {
        MattermostWire.User user = policy.requiresVerifiedEmail() || policy.hasAllowList() ? mattermost.user(userId) : null;
        if (user != null) {
            Optional<String> email = policy.emailRefusal(user);
            if (email.isPresent()) {
                return email;
            }
        }
        // The username from Mattermost, not the one in the command request, which anyone holding
        // the team's command token could have written.
        if (policy.hasAllowList() && !policy.allows(user.username(), user.email())) {
            return Optional.of("Your administrator allows only some people to connect Microsoft Teams, and you are not "
                    + "on that list. Ask them to add you.");
        }
        return policy.limitReached(userId).map(reason -> reason + " Ask your administrator.");
    }
}
