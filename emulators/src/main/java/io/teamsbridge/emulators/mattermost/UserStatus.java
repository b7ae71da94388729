package io.teamsbridge.emulators.mattermost;

/** {@code model.Status}: online, away, dnd, offline or ooo. */
record UserStatus(String userId, String status, boolean manual, long lastActivityAt, long dndEndTime) {

    static UserStatus offline(String userId) {
        return new UserStatus(userId, "offline", false, 0, 0);
    }
}
