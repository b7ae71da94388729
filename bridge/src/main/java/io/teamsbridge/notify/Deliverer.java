package io.teamsbridge.notify;

import io.teamsbridge.crypto.Tokens;
import io.teamsbridge.mattermost.BotMessenger;
import io.teamsbridge.mattermost.MattermostClient;
import io.teamsbridge.mattermost.MattermostException;
import io.teamsbridge.store.Delivery;
import io.teamsbridge.store.DeliveryRepository;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * [deliver] Posts a notification into a user's direct channel with the bot, at most once per
 * (message, user): the delivery is reserved in the database first, and the post carries a
 * deterministic {@code pending_post_id}, so a post retried after a crash or a timeout is
 * recognised by Mattermost instead of doubled.
 */
@Component
class Deliverer {
    private final DeliveryRepository deliveries;
    private final BotMessenger messenger;
    private final MattermostClient mattermost;
    private final Clock clock;

    /** What happened for one user. */
    enum Result {
        POSTED,
        ALREADY_DONE,
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

    /** Whether this user already has (or was given up for) this message. */
    boolean done(String chatId, String messageId, String mattermostUserId) {
        return deliveries.find(chatId, messageId, mattermostUserId).map(d -> d.status() != Delivery.Status.PENDING).orElse(false);
    }

    Attempt deliver(String chatId, String messageId, String mattermostUserId, List<String> parts) {
        Optional<Delivery> existing = deliveries.find(chatId, messageId, mattermostUserId);
        if (existing.isPresent() && existing.get().status() != Delivery.Status.PENDING) {
            return Attempt.of(Result.ALREADY_DONE);
        }
        if (existing.isEmpty() && !deliveries.reserve(chatId, messageId, mattermostUserId, clock.instant())
                && done(chatId, messageId, mattermostUserId)) {
            return Attempt.of(Result.ALREADY_DONE);
        }
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

    /** Marks a reserved delivery given up (too old to deliver). */
    void giveUp(String chatId, String messageId, String mattermostUserId, String why) {
        deliveries.reserve(chatId, messageId, mattermostUserId, clock.instant());
        deliveries.markFailed(chatId, messageId, mattermostUserId, why, clock.instant());
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
