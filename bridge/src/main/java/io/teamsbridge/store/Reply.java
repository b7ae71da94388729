package io.teamsbridge.store;

import java.time.Instant;

/**
 * A reply written in a Teams chat's thread in Mattermost, on its way into the chat.
 *
 * @param postId          the Mattermost post: the reply's identity, and where its text is read
 * @param rootPostId      the chat's thread root, where the bridge answers when the reply is refused
 * @param postedAt        when Mattermost made the post; replies of one chat are sent in this order
 * @param sendStartedAt   set before the first request that may have sent it, so a later attempt
 *                        looks in the chat before sending again
 * @param outcome         what became of it, once decided (the writer may not have been told yet)
 * @param delayTold       whether the writer was told that Teams is busy and the reply will follow
 */
public record Reply(String postId, String mattermostUserId, String chatId, String rootPostId, Instant postedAt,
        int attempts, Instant nextAttemptAt, Instant claimedUntil, Instant sendStartedAt, String outcome, String detail,
        String teamsMessageId, boolean delayTold, boolean done) {

    /** Whether the reply's fate is decided and only telling the writer is left. */
    public boolean decided() {
        return outcome != null;
    }
}
