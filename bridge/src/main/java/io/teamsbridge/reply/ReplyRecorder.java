package io.teamsbridge.reply;

import io.teamsbridge.mattermost.MattermostBot;
import io.teamsbridge.mattermost.MattermostWire.Post;
import io.teamsbridge.store.ChatThreadRepository;
import io.teamsbridge.store.ReplyRepository;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Decides whether a Mattermost post is a reply (a person's own post in the thread of one of their
 * Teams chats) and records it by its post id. Recording twice is harmless: the second time answers
 * false, whichever instance or path (live, look-back, the sender's check for earlier replies) saw it.
 */
@Component
class ReplyRecorder {
    private final ChatThreadRepository threads;
    private final ReplyRepository replies;
    private final MattermostBot bot;
    private final Clock clock;

    ReplyRecorder(ChatThreadRepository threads, ReplyRepository replies, MattermostBot bot, Clock clock) {
        this.threads = threads;
        this.replies = replies;
        this.bot = bot;
        this.clock = clock;
    }

    /** True when the post is a reply recorded just now; false when it is no reply or was recorded before. */
    boolean record(Post post) {
        if (post.id() == null || post.rootId() == null || post.rootId().isEmpty() || post.deleted()
                || post.userId() == null || post.userId().equals(bot.userId())
                || post.type() != null && !post.type().isEmpty()) {
            return false;
        }
        return threads.byRoot(post.rootId())
                .filter(thread -> thread.mattermostUserId().equals(post.userId()))
                .map(thread -> {
                    Instant now = clock.instant();
                    Instant postedAt = post.createAt() == null ? now : Instant.ofEpochMilli(post.createAt());
                    return replies.receive(post.id(), post.userId(), thread.chatId(), post.rootId(), postedAt, now);
                })
                .orElse(false);
    }
}
