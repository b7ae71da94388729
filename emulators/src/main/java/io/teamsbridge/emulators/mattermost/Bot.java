package io.teamsbridge.emulators.mattermost;

/** A bot account's own record ({@code model.Bot}); its user is a {@link User} with the same id. */
record Bot(
        String userId,
        String username,
        String displayName,
        String description,
        String ownerId,
        long lastIconUpdate,
        long createAt,
        long updateAt,
        long deleteAt) {}
