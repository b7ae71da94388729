package io.teamsbridge.microsoft;

import java.time.Instant;
import java.util.Set;

/**
 * A user's delegated tokens and the Microsoft Graph permissions they were granted (bare names such
 * as {@code Chat.Read}). {@link #toString()} names no token, so a TokenSet can never leak into a log
 * line by accident.
 */
public record TokenSet(String accessToken, String refreshToken, Instant accessExpiresAt, Set<String> permissions) {
    /** What every sign-in has asked for since the first release: tokens stored without a list have these. */
    public static final Set<String> FIRST_PERMISSIONS = Set.of("User.Read", "Chat.Read");

    public TokenSet {
        permissions = Set.copyOf(permissions);
    }

    public boolean grants(String permission) {
        return permissions.contains(permission);
    }

    @Override
    public String toString() {
        return "TokenSet[access token expires " + accessExpiresAt + ", permissions " + permissions + "]";
    }
}
