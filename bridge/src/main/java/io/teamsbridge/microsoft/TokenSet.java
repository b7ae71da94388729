package io.teamsbridge.microsoft;

import java.time.Instant;

/**
 * A user's delegated tokens. {@link #toString()} names no token, so a TokenSet can never leak
 * into a log line by accident.
 */
public record TokenSet(String accessToken, String refreshToken, Instant accessExpiresAt) {
    @Override
    public String toString() {
        return "TokenSet[access token expires " + accessExpiresAt + "]";
    }
}
