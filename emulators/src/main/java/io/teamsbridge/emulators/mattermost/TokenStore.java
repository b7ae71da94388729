package io.teamsbridge.emulators.mattermost;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Every token the emulator accepts, by its secret value. */
final class TokenStore {
    private final ConcurrentHashMap<String, AccessToken> byToken = new ConcurrentHashMap<>();

    AccessToken issue(String userId, String description, boolean session) {
        AccessToken token = new AccessToken(Ids.newId(), Ids.newId(), userId, description, session);
        byToken.put(token.token(), token);
        return token;
    }

    Optional<AccessToken> find(String token) {
        return Optional.ofNullable(token == null || token.isEmpty() ? null : byToken.get(token));
    }
}
