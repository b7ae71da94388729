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
 * to see).
 */
final class PostStore {
    /** An ephemeral post and the one user who saw it. */
    record Ephemeral(String targetUserId, Post post) {}

    private final ConcurrentHashMap<String, Post> posts = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Queue<String>> idsByChannel = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Queue<Ephemeral>> ephemeralByUser = new ConcurrentHashMap<>();

    Post add(Post post) {
        posts.put(post.id(), post);
        idsByChannel.computeIfAbsent(post.channelId(), c -> new ConcurrentLinkedQueue<>()).add(post.id());
        return post;
    }

    Optional<Post> get(String id) {
        return Optional.ofNullable(id == null ? null : posts.get(id));
    }

    /** A post that is not deleted, as {@code GetSinglePost(id, false)} finds it. */
    Post requireLive(String id) {
        return get(id).filter(p -> !p.isDeleted()).orElseThrow(AppError::postNotFound);
    }

    void replace(Post post) {
        posts.put(post.id(), post);
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
