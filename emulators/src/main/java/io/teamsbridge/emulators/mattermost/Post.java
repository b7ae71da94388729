package io.teamsbridge.emulators.mattermost;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code model.Post} as the server sends it. {@code props} and {@code metadata} are JSON trees
 * that are copied on the way in and never changed afterwards, so a stored post is effectively
 * immutable; edits make a new record.
 */
record Post(
        String id,
        long createAt,
        long updateAt,
        long editAt,
        long deleteAt,
        boolean isPinned,
        String userId,
        String channelId,
        String rootId,
        String originalId,
        String message,
        String type,
        ObjectNode props,
        String hashtags,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> fileIds,
        String pendingPostId,
        long replyCount,
        long lastReplyAt,
        ObjectNode metadata) {

    static final String EPHEMERAL = "system_ephemeral";

    /** An edit: new message and props, {@code edit_at} set when the message changed. */
    Post edited(String newMessage, ObjectNode newProps, boolean pinned, long now) {
        long newEditAt = newMessage.equals(message) ? editAt : now;
        return new Post(id, createAt, now, newEditAt, deleteAt, pinned, userId, channelId, rootId, originalId,
                newMessage, type, newProps, hashtags, fileIds, pendingPostId, replyCount, lastReplyAt, metadata);
    }

    /** New props for an edit, keeping the marks the server set at creation ({@code from_bot}, ...). */
    ObjectNode withServerMarks(ObjectNode newProps) {
        ObjectNode copy = newProps.deepCopy();
        for (String mark : new String[] {"from_bot", "from_webhook"}) {
            if (props.has(mark)) {
                copy.set(mark, props.get(mark).deepCopy());
            }
        }
        return copy;
    }

    Post deleted(long now) {
        return new Post(id, createAt, now, editAt, now, isPinned, userId, channelId, rootId, originalId, message,
                type, props, hashtags, fileIds, pendingPostId, replyCount, lastReplyAt, metadata);
    }

    boolean isDeleted() {
        return deleteAt != 0;
    }
}
