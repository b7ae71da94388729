package io.teamsbridge.emulators.mattermost;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reactions per post, in the order they were made. One user has at most one reaction per emoji
 * on a post (the server's primary key); saving it again replaces it. Synchronised as a whole: the
 * limit check and the save must see the same reactions.
 */
final class ReactionStore {
    private final Map<String, List<Reaction>> byPost = new HashMap<>();

    synchronized void save(Reaction reaction) {
        List<Reaction> reactions = byPost.computeIfAbsent(reaction.postId(), p -> new ArrayList<>());
        reactions.removeIf(r -> r.sameAs(reaction.userId(), reaction.emojiName()));
        reactions.add(reaction);
    }

    /** Whether anyone's live reaction on the post uses this emoji (then the limit does not apply). */
    synchronized boolean emojiOnPost(String postId, String emojiName) {
        return live(postId).stream().anyMatch(r -> r.emojiName().equals(emojiName));
    }

    /** How many different emojis the post's live reactions use. */
    synchronized long uniqueEmojis(String postId) {
        return live(postId).stream().map(Reaction::emojiName).distinct().count();
    }

    /** Marks the user's reaction deleted; empty when there was none to delete. */
    synchronized Optional<Reaction> delete(String userId, String postId, String emojiName, long now) {
        List<Reaction> reactions = byPost.getOrDefault(postId, new ArrayList<>());
        for (int i = 0; i < reactions.size(); i++) {
            Reaction reaction = reactions.get(i);
            if (reaction.sameAs(userId, emojiName) && !reaction.isDeleted()) {
                Reaction deleted = reaction.deleted(now);
                reactions.set(i, deleted);
                return Optional.of(deleted);
            }
        }
        return Optional.empty();
    }

    synchronized List<Reaction> live(String postId) {
        return byPost.getOrDefault(postId, List.of()).stream().filter(r -> !r.isDeleted()).toList();
    }
}
