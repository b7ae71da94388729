package io.teamsbridge.emulators.mattermost;

/**
 * {@code model.Reaction} as the server sends it: one user's emoji on one post. Removing a reaction
 * marks it deleted; adding it again brings it back.
 */
record Reaction(
        String userId,
        String postId,
        String emojiName,
        long createAt,
        long updateAt,
        long deleteAt,
        String remoteId,
        String channelId) {

    boolean isDeleted() {
        return deleteAt != 0;
    }

    Reaction deleted(long now) {
        return new Reaction(userId, postId, emojiName, createAt, now, now, remoteId, channelId);
    }

    boolean sameAs(String otherUserId, String otherEmojiName) {
        return userId.equals(otherUserId) && emojiName.equals(otherEmojiName);
    }
}
