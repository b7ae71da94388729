package io.teamsbridge.store;

import java.time.Instant;

/**
 * A one-time connect link and the sign-in it starts.
 *
 * @param stateHash SHA-256 of the state value (the value itself is only in the link)
 * @param verifierSealed the PKCE code verifier, sealed for context {@link #vaultContext(String)}
 * @param browserHash SHA-256 of the cookie given to the browser that opened the link, so only
 *     that browser can finish the sign-in
 */
public record OAuthState(
        String stateHash,
        String mattermostUserId,
        String verifierSealed,
        String browserHash,
        Instant createdAt,
        Instant expiresAt,
        Instant openedAt,
        Instant usedAt) {

    public static String vaultContext(String stateHash) {
        return "oauth_state:" + stateHash;
    }
}
