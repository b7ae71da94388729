package io.teamsbridge.emulators.mattermost;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * {@code model.FileInfo} as the server sends it, with the bytes kept beside it (never serialised).
 * A file is uploaded into a channel and attached to at most one post, by its uploader.
 */
record FileInfo(
        String id,
        String userId,
        String postId,
        String channelId,
        long createAt,
        long updateAt,
        long deleteAt,
        String name,
        String extension,
        long size,
        String mimeType,
        boolean hasPreviewImage,
        @JsonIgnore byte[] bytes) {

    FileInfo attachedTo(String newPostId, long now) {
        return new FileInfo(id, userId, newPostId, channelId, createAt, now, deleteAt, name, extension, size, mimeType,
                hasPreviewImage, bytes);
    }

    boolean attached() {
        return !postId.isEmpty();
    }
}
