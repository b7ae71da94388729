package io.teamsbridge.linking;

import io.teamsbridge.mattermost.MattermostClient;
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

    Optional<String> refusal(String userId, String username) {
        if (policy.hasAllowList() && !policy.allows(username, null)
                && !policy.allows(null, mattermost.user(userId).email())) {
            return Optional.of("Your administrator allows only some people to connect Microsoft Teams, and you are not "
                    + "on that list. Ask them to add you.");
        }
        return policy.limitReached(userId).map(reason -> reason + " Ask your administrator.");
    }
}
