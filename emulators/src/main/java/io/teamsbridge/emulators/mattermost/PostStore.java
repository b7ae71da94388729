package io.teamsbridge.emulators.mattermost;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Posts by id and, per channel, in the order they were created; plus the ephemeral posts each
 * user was shown (which the real server never stores, but which tests and the sandbox page need
 * to see). Every change to a stored post is told to {@link Changes} after it is made, so the
 * WebSocket events can never disagree with what the REST API answers.
 */
final class PostStore {
    /** An ephemeral post and the one user who saw it. */
    record Ephemeral(String targetUserId, Post post) {}

    /** Who hears of changes to stored posts (the WebSocket events); {@link #NONE} is no one. */
    interface Changes {
        Changes NONE = new Changes() {
            @Override
            public void posted(Post post) {}

            @Override
            public void edited(Post post) {}

            @Override
            public void deleted(Post post, String deletedBy) {}
        };

        void posted(Post post);

        void edited(Post post);

        /** @param post the post as it was before the deletion, as the server sends it */
        void deleted(Post post, String deletedBy);
    }

    private final ConcurrentHashMap<String, Post> posts = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Queue<String>> idsByChannel = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Queue<Ephemeral>> ephemeralByUser = new ConcurrentHashMap<>();
    private final Changes changes;

    PostStore(Changes changes) {
        this.changes = changes;
    }

    Post add(Post post) {
        posts.put(post.id(), post);
        idsByChannel.computeIfAbsent(post.channelId(), c -> new ConcurrentLinkedQueue<>()).add(post.id());
        changes.posted(post);
        return post;
    }

    Optional<Post> get(String id) {
        return Optional.ofNullable(id == null ? null : posts.get(id));
    }

    /** A post that is not deleted, as {@code GetSinglePost(id, false)} finds it. */
    Post requireLive(String id) {
        return get(id).filter(p -> !p.isDeleted()).orElseThrow(AppError::postNotFound);
    }

    /** An edit of a stored post. */
    void replace(Post post) {
        posts.put(post.id(), post);
        changes.edited(post);
    }

    /**
     * A soft delete, as the server's {@code Post().Delete}: a root takes its replies with it
     * ({@code WHERE Id = ? OR RootId = ?}), but only the post itself is announced.
     */
    void delete(Post post, String deletedBy, long now) {
        posts.put(post.id(), post.deleted(now));
        if (post.rootId().isEmpty()) {
            for (Post reply : inChannel(post.channelId())) {
                if (reply.rootId().equals(post.id()) && !reply.isDeleted()) {
                    posts.put(reply.id(), reply.deleted(now));
                }
            }
        }
        changes.deleted(post, deletedBy);
    }

    /** The live posts of the thread the root starts, the root first, then its replies oldest first. */
    List<Post> thread(String rootId) {
        Post root = posts.get(rootId);
        if (root == null) {
            return List.of();
        }
        List<Post> out = new ArrayList<>();
        for (Post post : inChannel(root.channelId())) {
            if (!post.isDeleted() && (post.id().equals(rootId) || post.rootId().equals(rootId))) {
                out.add(post);
            }
        }
        return out;
    }

    /** Every post of the channel, deleted ones included, oldest first. */
    List<Post> inChannel(String channelId) {
        List<Post> out = new ArrayList<>();
        for (String id : idsByChannel.getOrDefault(channelId, new ConcurrentLinkedQueue<>())) {
            out.add(posts.get(id));
        }
        return out;
    }

    void addEphemeral(String targetUserId, Post post) {
        ephemeralByUser.computeIfAbsent(targetUserId, u -> new ConcurrentLinkedQueue<>())
                .add(new Ephemeral(targetUserId, post));
    }

    /** An ephemeral post the user was shown, by id. */
    Optional<Post> ephemeral(String userId, String postId) {
        return ephemeralFor(userId).stream().filter(p -> p.id().equals(postId)).findFirst();
    }

    /** What the user sees of an ephemeral post after a button's {@code update}: the post, replaced in place. */
    void replaceEphemeral(String userId, Post post) {
        ephemeralByUser.computeIfPresent(userId, (u, queue) -> {
            Queue<Ephemeral> updated = new ConcurrentLinkedQueue<>();
            queue.forEach(e -> updated.add(e.post().id().equals(post.id()) ? new Ephemeral(u, post) : e));
            return updated;
        });
    }

    List<Post> ephemeralFor(String userId) {
        return ephemeralByUser.getOrDefault(userId, new ConcurrentLinkedQueue<>()).stream()
                .map(Ephemeral::post)
                .toList();
    }
}
