package io.teamsbridge.emulators.mattermost;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server's {@code seenPendingPostIdsCache} ({@code deduplicateCreatePost}): keyed by the raw
 * {@code pending_post_id}, global rather than per user or channel, 25,000 entries, each living
 * 30 s on the injected clock from its last write. A fresh id is recorded as in flight while its
 * post is created, then mapped to the new post's id; a failed creation forgets it so the client
 * can retry.
 */
final class PendingPostIds {
    static final long TTL_MILLIS = 30_000;
    private static final int CAPACITY = 25_000;

    /** What a create request finds for its pending id. */
    sealed interface Claim {
        /** Unseen (or expired): this request creates the post. */
        record Fresh() implements Claim {}

        /** Another request with this id is still creating its post. */
        record InFlight() implements Claim {}

        /** A post was already created for this id. */
        record Known(String postId) implements Claim {}
    }

    private record Slot(String postId, long expiresAt) {}

    private final Clock clock;
    /** Access-ordered, so the eldest entry is the least recently used one, as in an LRU cache. */
    private final LinkedHashMap<String, Slot> entries = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Slot> eldest) {
            return size() > CAPACITY;
        }
    };

    PendingPostIds(Clock clock) {
        this.clock = clock;
    }

    synchronized Claim claim(String pendingPostId) {
        long now = clock.millis();
        Slot entry = entries.get(pendingPostId);
        if (entry == null || entry.expiresAt() <= now) {
            entries.put(pendingPostId, new Slot("", now + TTL_MILLIS));
            return new Claim.Fresh();
        }
        return entry.postId().isEmpty() ? new Claim.InFlight() : new Claim.Known(entry.postId());
    }

    synchronized void complete(String pendingPostId, String postId) {
        entries.put(pendingPostId, new Slot(postId, clock.millis() + TTL_MILLIS));
    }

    synchronized void release(String pendingPostId) {
        entries.remove(pendingPostId);
    }
}
