package io.teamsbridge.emulators.mattermost;

import io.teamsbridge.emulators.http.Request;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the caller of a REST request like {@code ParseAuthTokenFromRequest}: the
 * {@code MMAUTHTOKEN} cookie, then {@code Authorization: Bearer} (any case) or
 * {@code Authorization: Token}, then {@code ?access_token=}. An unknown or missing token is the
 * server's 401 {@code api.context.session_expired.app_error}.
 */
final class Authenticator {
    private final TokenStore tokens;
    private final UserStore users;
    private final ServerConfig config;

    Authenticator(TokenStore tokens, UserStore users, ServerConfig config) {
        this.tokens = tokens;
        this.users = users;
        this.config = config;
    }

    Caller require(Request request) {
        return find(request).orElseThrow(AppError::sessionExpired);
    }

    /** The caller, if the request carries a token that works (routes that need no session use it if present). */
    Optional<Caller> find(Request request) {
        return tokenOf(request).flatMap(this::byToken);
    }

    /** Who a raw token belongs to, if it works now (the WebSocket's {@code authentication_challenge}). */
    Optional<Caller> byToken(String raw) {
        Optional<AccessToken> found = tokens.find(raw);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        AccessToken token = found.get();
        Optional<User> user = users.get(token.userId()).filter(u -> u.deleteAt() == 0);
        // Personal access tokens stop working while EnableUserAccessTokens is off; bot tokens do not.
        if (user.isEmpty() || !token.session() && !user.get().isBot() && !config.current().enableUserAccessTokens()) {
            return Optional.empty();
        }
        return Optional.of(new Caller(user.get(), token));
    }

    /** The raw token the request carries, if any (used as a rate-limit key, never logged). */
    static Optional<String> tokenOf(Request request) {
        Optional<String> cookie = request.header("cookie").flatMap(Authenticator::cookieToken);
        if (cookie.isPresent()) {
            return cookie;
        }
        Optional<String> header = request.header("authorization").flatMap(Authenticator::headerToken);
        if (header.isPresent()) {
            return header;
        }
        return request.queryParam("access_token").filter(t -> !t.isEmpty());
    }

    private static Optional<String> headerToken(String value) {
        if (value.length() > 7 && value.substring(0, 6).toLowerCase(Locale.ROOT).equals("bearer")
                && value.charAt(6) == ' ') {
            return Optional.of(value.substring(7).trim());
        }
        if (value.length() > 6 && value.substring(0, 5).toLowerCase(Locale.ROOT).equals("token")
                && value.charAt(5) == ' ') {
            return Optional.of(value.substring(6).trim());
        }
        return Optional.empty();
    }

    private static Optional<String> cookieToken(String cookies) {
        for (String part : cookies.split(";")) {
            String trimmed = part.trim();
            if (trimmed.startsWith("MMAUTHTOKEN=")) {
                String token = trimmed.substring("MMAUTHTOKEN=".length());
                return token.isEmpty() ? Optional.empty() : Optional.of(token);
            }
        }
        return Optional.empty();
    }
}
