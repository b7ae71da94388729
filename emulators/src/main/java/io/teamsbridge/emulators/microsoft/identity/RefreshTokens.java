package io.teamsbridge.emulators.microsoft.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refresh tokens as Entra keeps them: every use returns a new one (the old one stays valid until it
 * expires, which is what Entra documents), they live 90 days, and revoking a user invalidates all
 * refresh tokens issued to that user before the revocation.
 *
 * <p>Revocation counts generations per user instead of comparing instants, so a token issued in the
 * same clock tick as a revocation (a fixed test clock) is still judged correctly.
 */
final class RefreshTokens {
    static final Duration LIFETIME = Duration.ofDays(90);
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss").withZone(ZoneOffset.UTC);

    record Grant(String userId, String clientId, ScopeSet scopes, Instant issuedAt, long generation) {}

    private record Revocation(long generation, Instant validFrom) {}

    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final Map<String, Revocation> revocations = new ConcurrentHashMap<>();
    private final SecureTokens tokens;
    private final Clock clock;

    RefreshTokens(SecureTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    String issue(String userId, String clientId, ScopeSet scopes) {
        Instant now = clock.instant();
        grants.values().removeIf(grant -> !now.isBefore(grant.issuedAt().plus(LIFETIME)));
        String token = tokens.next("1.AV", 96);
        grants.put(token, new Grant(userId, clientId, scopes, now, generation(userId)));
        return token;
    }

    /** @throws OAuthError {@code invalid_grant} when the token is unknown, foreign, revoked or expired */
    Grant redeem(String token, String clientId) {
        Grant grant = grants.get(token);
        if (grant == null) {
            throw OAuthError.invalidGrant(9002313,
                    "Invalid request. Request is malformed or invalid. The refresh token is not valid.");
        }
        if (!grant.clientId().equals(clientId)) {
            throw OAuthError.invalidGrant(70000, "The refresh token was issued to a different client.");
        }
        Revocation revocation = revocations.get(grant.userId());
        if (revocation != null && grant.generation() < revocation.generation()) {
            throw OAuthError.invalidGrant(50173, "The provided grant has expired due to it being revoked, a fresh"
                    + " auth token is needed. The user might have changed or reset their password. The grant was"
                    + " issued on '" + DATE.format(grant.issuedAt()) + "' and the TokensValidFrom date (before which"
                    + " tokens are not valid) for this user is '" + DATE.format(revocation.validFrom()) + "'.");
        }
        Instant now = clock.instant();
        if (!now.isBefore(grant.issuedAt().plus(LIFETIME))) {
            throw OAuthError.invalidGrant(700082, "The refresh token has expired due to inactivity. The token was"
                    + " issued on " + DATE.format(grant.issuedAt()) + " and was inactive for 90.00:00:00.");
        }
        return grant;
    }

    /** Like an admin's "Revoke sessions": every refresh token the user holds stops working. */
    void revoke(String userId) {
        Instant now = clock.instant();
        revocations.merge(userId, new Revocation(1, now),
                (old, ignored) -> new Revocation(old.generation() + 1, now));
    }

    private long generation(String userId) {
        Revocation revocation = revocations.get(userId);
        return revocation == null ? 0 : revocation.generation();
    }
}
