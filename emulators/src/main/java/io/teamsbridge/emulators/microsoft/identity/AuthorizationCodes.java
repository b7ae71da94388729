package io.teamsbridge.emulators.microsoft.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Authorization codes: random, single use, valid ten minutes, bound to the client, the redirect
 * URI, the PKCE challenge, the scopes and the user. A redeemed code is remembered until it would
 * have expired so a second redemption gets Entra's "already redeemed" error rather than "invalid".
 */
final class AuthorizationCodes {
    static final Duration LIFETIME = Duration.ofMinutes(10);

    record Grant(String clientId, String redirectUri, @Nullable PkceChallenge pkce, ScopeSet scopes, String userId,
            @Nullable String nonce, Instant expiresAt, boolean redeemed) {
        Grant redeem() {
            return new Grant(clientId, redirectUri, pkce, scopes, userId, nonce, expiresAt, true);
        }
    }

    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final SecureTokens tokens;
    private final Clock clock;

    AuthorizationCodes(SecureTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    String issue(AuthorizeRequest request, String userId) {
        Instant now = clock.instant();
        // Sweeping on issue keeps the map bounded without a background thread.
        codes.values().removeIf(grant -> grant.expiresAt().isBefore(now));
        String code = tokens.next("1.", 48);
        codes.put(code, new Grant(request.clientId(), request.reply().redirectUri(), request.pkce(), request.scopes(),
                userId, request.nonce(), now.plus(LIFETIME), false));
        return code;
    }

    /**
     * Redeems a code for the token endpoint. Any attempt that names a live code uses it up, so a
     * failed PKCE check cannot be retried with another guess.
     *
     * @throws OAuthError {@code invalid_grant} for every reason the code cannot be used
     */
    Grant redeem(String code, String clientId, String redirectUri, @Nullable String verifier) {
        Grant[] before = new Grant[1];
        codes.computeIfPresent(code, (k, grant) -> {
            before[0] = grant;
            return grant.redeem();
        });
        Grant grant = before[0];
        if (grant == null) {
            throw OAuthError.invalidGrant(9002313, "Invalid request. Request is malformed or invalid. The provided"
                    + " value for the 'code' parameter is not valid.");
        }
        if (grant.redeemed()) {
            throw OAuthError.invalidGrant(54005, "OAuth2 Authorization code was already redeemed, please retry with"
                    + " a new valid code or use an existing refresh token.");
        }
        if (!clock.instant().isBefore(grant.expiresAt())) {
            throw OAuthError.invalidGrant(70008, "The provided authorization code or refresh token has expired due"
                    + " to inactivity. Send a new interactive authorization request for this user and resource.");
        }
        if (!grant.clientId().equals(clientId)) {
            throw OAuthError.invalidGrant(70000, "The provided authorization code was issued to another client.");
        }
        if (!grant.redirectUri().equals(redirectUri)) {
            throw OAuthError.invalidGrant(70000, "The provided value for the input parameter 'redirect_uri' is not"
                    + " valid. The value must exactly match the redirect URI used to obtain the authorization code.");
        }
        if (grant.pkce() != null && (verifier == null || !grant.pkce().matches(verifier))) {
            throw OAuthError.invalidGrant(501481,
                    "The Code_Verifier does not match the code_challenge supplied in the authorization request.");
        }
        return grant;
    }
}
