package io.teamsbridge.emulators.mattermost;

/** Who made an authenticated REST request, and with which token. */
record Caller(User user, AccessToken token) {

    String userId() {
        return user.id();
    }

    boolean isBot() {
        return user.isBot();
    }
}
