package io.teamsbridge.reply;

import io.teamsbridge.mattermost.BotMessenger;
import io.teamsbridge.store.Reply;
import org.springframework.stereotype.Component;

/**
 * Shows a reply's writer what became of it: a reaction on the reply when it was sent, otherwise a
 * short answer in the thread. Both are safe to repeat: a reaction exists once, and an answer carries
 * a {@code pending_post_id} made from the reply's id.
 */
@Component
class ReplyTeller {
    static final String SENT_EMOJI = "white_check_mark";

    private final BotMessenger messenger;

    ReplyTeller(BotMessenger messenger) {
        this.messenger = messenger;
    }

    void tell(Reply reply, ReplyOutcome outcome, String detail) {
        if (outcome == ReplyOutcome.SENT) {
            messenger.react(reply.postId(), SENT_EMOJI);
            return;
        }
        String message = outcome.message(detail);
        if (message != null) {
            messenger.replyInThread(reply.mattermostUserId(), reply.rootPostId(), message, "tr" + reply.postId());
        }
    }

    void tellDelayed(Reply reply, String reason) {
        messenger.replyInThread(reply.mattermostUserId(), reply.rootPostId(), ReplyOutcome.DELAYED.formatted(reason),
                "td" + reply.postId());
    }
}
