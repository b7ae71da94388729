package io.teamsbridge.emulators.mattermost;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Every token the emulator accepts, by its secret value. */
final class TokenStore {
    private final ConcurrentHashMap<String, AccessToken> byToken = new ConcurrentHashMap<>();
    private final java.util.Set<String> disabled = ConcurrentHashMap.newKeySet();

    AccessToken issue(String userId, String description, boolean session) {
        AccessToken token = new AccessToken(Ids.newId(), Ids.newId(), userId, description, session);
        byToken.put(token.token(), token);
        return token;
    }

    /** A disabled token is refused like an unknown one (as the server refuses a disabled access token) until enabled. */
    Optional<AccessToken> find(String token) {
        return Optional.ofNullable(token == null || token.isEmpty() || disabled.contains(token) ? null : byToken.get(token));
    }

    /** {@code POST /users/tokens/disable} and {@code /enable}, by the token's value; false when unknown. */
    boolean setActive(String token, boolean active) {
        if (!byToken.containsKey(token)) {
            return false;
        }
        if (active) {
            disabled.remove(token);
        } else {
            disabled.add(token);
        }
        return true;
    }
}
