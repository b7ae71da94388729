package io.teamsbridge.store;

import java.time.Instant;

/**
 * A Mattermost account connected to a Teams account.
 *
 * @param tokensSealed the Microsoft tokens, sealed by the SecretVault for context {@link
 *     #vaultContext(String)}
 */
public record AccountLink(
        String mattermostUserId,
        String teamsUserId,
        String teamsUpn,
        String teamsDisplayName,
        String email,
        String tokensSealed,
        Instant accessExpiresAt,
        Instant connectedAt,
        Instant refreshedAt,
        Status status,
        Instant lostAt,
        String lastError) {

    public enum Status {
        ACTIVE,
        LOST
    }

    public boolean active() {
        return status == Status.ACTIVE;
    }

    /** The associated data the tokens are sealed with, binding them to this row. */
    public static String vaultContext(String mattermostUserId) {
        return "account_link:" + mattermostUserId;
    }
}
