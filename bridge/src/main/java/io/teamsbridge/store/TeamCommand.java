package io.teamsbridge.store;

import java.time.Instant;

/**
 * The slash command registered in one Mattermost team.
 *
 * @param tokenSealed the token Mattermost sends with each invocation, sealed for {@link
 *     #vaultContext(String)}
 */
public record TeamCommand(String teamId, String commandId, String tokenSealed, Instant registeredAt, Instant verifiedAt) {

    public static String vaultContext(String teamId) {
        return "team_command:" + teamId;
    }
}
