package io.teamsbridge.emulators.mattermost;

/**
 * A credential the emulator accepts. {@code session} tokens stand for a signed-in user (what the
 * control API hands out); the others are user access tokens made through the REST API, which the
 * server refuses for non-bot users while {@code EnableUserAccessTokens} is off.
 */
record AccessToken(String id, String token, String userId, String description, boolean session) {

    /** The wire shape of {@code POST /users/{id}/tokens}: the only time the token is shown. */
    record Created(String id, String token, String userId, String description, boolean isActive) {}

    Created created() {
        return new Created(id, token, userId, description, true);
    }
}
