package io.teamsbridge.mattermost;

import java.util.Map;

/**
 * Mattermost's JSON shapes, as records mapped once at the edge (snake_case on the wire). Only the
 * fields the bridge reads are declared; the rest are ignored.
 */
public final class MattermostWire {
    private MattermostWire() {}

    public record User(
            String id,
            String username,
            String email,
            String firstName,
            String lastName,
            String nickname,
            String locale,
            String roles,
            Boolean isBot,
            Long deleteAt,
            Boolean emailVerified,
            String authService) {

        /**
         * Whether Mattermost vouches for the email address: the user confirmed it, or signs in through
         * an identity provider (SAML, OAuth, LDAP) that supplies it.
         */
        public boolean emailTrusted() {
            return Boolean.TRUE.equals(emailVerified) || (authService != null && !authService.isBlank());
        }

        public boolean bot() {
            return Boolean.TRUE.equals(isBot);
        }
    }

    public record Team(String id, String name, String displayName, Long deleteAt) {
        public boolean deleted() {
            return deleteAt != null && deleteAt > 0;
        }
    }

    public record Command(
            String id,
            String teamId,
            String trigger,
            String url,
            String method,
            String token,
            String creatorId,
            Long deleteAt,
            Boolean autoComplete,
            String autoCompleteDesc,
            String autoCompleteHint,
            String displayName,
            String description) {}

    public record Channel(String id, String type, String name) {}

    public record Post(String id, String channelId, String userId, String message, String pendingPostId,
            String rootId, Map<String, Object> props, Long createAt, java.util.List<String> fileIds, Long deleteAt,
            String type) {

        /** Whether the post was deleted (Mattermost lists deleted posts in some answers, emptied). */
        public boolean deleted() {
            return deleteAt != null && deleteAt > 0;
        }

        /** Whether files are attached. */
        public boolean hasFiles() {
            return fileIds != null && !fileIds.isEmpty();
        }
    }

    /** {@code GetPostsForChannel}'s answer: ids newest first, and the posts by id. */
    public record PostList(java.util.List<String> order, Map<String, Post> posts) {}

    public record NewPost(String channelId, String message, String pendingPostId, String rootId,
            Map<String, Object> props, java.util.List<String> fileIds) {
        public NewPost(String channelId, String message, String pendingPostId, String rootId, Map<String, Object> props) {
            this(channelId, message, pendingPostId, rootId, props, null);
        }
    }

    /** {@code POST /files}' answer: one info per uploaded file. */
    public record FileUpload(java.util.List<FileInfo> fileInfos) {}

    public record FileInfo(String id, String name, String mimeType, Long size) {}

    public record RegeneratedToken(String token) {}

    public record AppError(String id, String message, String detailedError, String requestId, Integer statusCode) {}
}
