package io.teamsbridge.notify;

import io.teamsbridge.crypto.Tokens;
import io.teamsbridge.mattermost.BotMessenger;
import io.teamsbridge.mattermost.MattermostClient;
import io.teamsbridge.mattermost.MattermostException;
import io.teamsbridge.store.Delivery;
import io.teamsbridge.store.DeliveryRepository;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * [deliver] Posts a notification into a user's direct channel with the bot, at most once per
 * (message, user): users whose delivery is recorded are skipped, and every post carries a
 * deterministic {@code pending_post_id}, so a post retried after a crash or a timeout is
 * recognised by Mattermost instead of doubled.
 */
@Component
class Deliverer {
    private final DeliveryRepository deliveries;
    private final BotMessenger messenger;
    private final MattermostClient mattermost;
    private final Clock clock;

    /** The (message, user) pairs of a batch that are finished: posted, or given up for good. */
    record Served(Set<String> finished) {
        boolean has(String chatId, String messageId, String mattermostUserId) {
            return finished.contains(key(chatId, messageId, mattermostUserId));
        }

        private static String key(String chatId, String messageId, String mattermostUserId) {
            return chatId + '\n' + messageId + '\n' + mattermostUserId;
        }
    }

    /** What happened for one user. */
    enum Result {
        POSTED,
        GAVE_UP,
        RETRY
    }

    record Attempt(Result result, String error) {
        static Attempt of(Result result) {
            return new Attempt(result, null);
        }
    }

    Deliverer(DeliveryRepository deliveries, BotMessenger messenger, MattermostClient mattermost, Clock clock) {
        this.deliveries = deliveries;
        this.messenger = messenger;
        this.mattermost = mattermost;
        this.clock = clock;
    }

    /**
     * Who already has (or was given up for) each of these messages, read in one query for a whole
     * batch, so a retried notification only serves the users still missing.
     */
    Served served(Set<MessageRef> messages) {
        Set<String> chatIds = new HashSet<>();
        Set<String> messageIds = new HashSet<>();
        messages.forEach(m -> {
            chatIds.add(m.chatId());
            messageIds.add(m.messageId());
        });
        Set<String> finished = new HashSet<>();
        for (Delivery d : deliveries.findForMessages(chatIds, messageIds)) {
            if (d.status() != Delivery.Status.PENDING && messages.contains(new MessageRef(d.chatId(), d.messageId()))) {
                finished.add(Served.key(d.chatId(), d.messageId(), d.mattermostUserId()));
            }
        }
        return new Served(finished);
    }

    /**
     * Posts the parts and records the post. A retry after a crash or a timeout sends the same
     * {@code pending_post_id}s, which Mattermost recognises instead of posting twice.
     */
    Attempt deliver(String chatId, String messageId, String mattermostUserId, List<String> parts) {
        try {
            String firstPostId = null;
            for (int part = 0; part < parts.size(); part++) {
                String postId = messenger.sendDirect(mattermostUserId, parts.get(part),
                        pendingPostId(chatId, messageId, mattermostUserId, part)).id();
                firstPostId = firstPostId == null ? postId : firstPostId;
            }
            deliveries.markPosted(chatId, messageId, mattermostUserId, firstPostId, clock.instant());
            return Attempt.of(Result.POSTED);
        } catch (MattermostException e) {
            return failed(chatId, messageId, mattermostUserId, e);
        }
    }

    /** Replaces the forwarded post's text (an edit or a deletion in Teams). */
    Attempt replace(Delivery delivery, String text, boolean deletion) {
        try {
            mattermost.patchPostMessage(delivery.postId(), text);
            if (deletion) {
                deliveries.markDeleted(delivery.chatId(), delivery.messageId(), delivery.mattermostUserId(), clock.instant());
            } else {
                deliveries.markEdited(delivery.chatId(), delivery.messageId(), delivery.mattermostUserId(), clock.instant());
            }
            return Attempt.of(Result.POSTED);
        } catch (MattermostException e) {
            if (e.transientFailure()) {
                return new Attempt(Result.RETRY, e.getMessage());
            }
            // The post is gone or not ours to edit any more: nothing left to update.
            return new Attempt(Result.GAVE_UP, e.getMessage());
        }
    }

    private Attempt failed(String chatId, String messageId, String mattermostUserId, MattermostException e) {
        if (e.transientFailure()) {
            deliveries.noteError(chatId, messageId, mattermostUserId, e.getMessage(), clock.instant());
            return new Attempt(Result.RETRY, e.getMessage());
        }
        deliveries.markFailed(chatId, messageId, mattermostUserId, e.getMessage(), clock.instant());
        return new Attempt(Result.GAVE_UP, e.getMessage());
    }

    /** The same for every attempt at the same post, and unlike any other. */
    static String pendingPostId(String chatId, String messageId, String mattermostUserId, int part) {
        return "tb" + Tokens.sha256(chatId + "|" + messageId + "|" + mattermostUserId + "|" + part).substring(0, 40);
    }
}
