package io.teamsbridge.store;

import java.time.Instant;

/** What became of one Teams message for one Mattermost user. */
public record Delivery(String chatId, String messageId, String mattermostUserId, Status status, String postId,
        java.util.List<String> postIds, Instant createdAt, Instant updatedAt, String lastError) {

    /**
     * PENDING: reserved, the post may or may not exist yet. POSTED/EDITED/DELETED: the post exists
     * and shows that state. FAILED: given up.
     */
    public enum Status {
        PENDING,
        POSTED,
        EDITED,
        DELETED,
        FAILED
    }

    /** A PENDING delivery with no row behind it: its posts may exist, made no earlier than {@code since}. */
    public static Delivery assumed(String chatId, String messageId, String mattermostUserId, Instant since) {
        return new Delivery(chatId, messageId, mattermostUserId, Status.PENDING, null, java.util.List.of(), since, since, null);
    }

    /** Every part's post, the first one first (rows written before parts were kept: just the first). */
    public java.util.List<String> parts() {
        if (postIds != null && !postIds.isEmpty()) {
            return postIds;
        }
        return postId == null ? java.util.List.of() : java.util.List.of(postId);
    }

    public boolean hasPost() {
        return postId != null && (status == Status.POSTED || status == Status.EDITED || status == Status.DELETED);
    }
}
