package io.teamsbridge.notify;

import io.teamsbridge.crypto.Tokens;
import io.teamsbridge.mattermost.BotMessenger;
import io.teamsbridge.mattermost.MattermostClient;
import io.teamsbridge.mattermost.MattermostException;
import io.teamsbridge.store.Delivery;
import io.teamsbridge.store.DeliveryRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * [deliver] Posts a notification into a user's direct channel with the bot, exactly once per
 * (message, user). Each part carries a deterministic key (as {@code pending_post_id} and in its
 * props). Any attempt after the first (the process died, or Mattermost's answer was lost, after some
 * parts may have been posted; the claim counts every attempt) first looks for those keys among the
 * direct channel's recent posts and posts only the parts not there; the record then holds every
 * part, so edits and deletions reach them all. The first attempt, by far the most common, costs no
 * lookup and no extra write. The record of the posts is written with the batch's settlement
 * ({@link DeliveryJournal}).
 */
@Component
class Deliverer {
    /** How far before the PENDING row's time a retry looks for posts: covers clocks that disagree by minutes. */
    static final Duration LOOKBACK = Duration.ofMinutes(10);

    private final DeliveryRepository deliveries;
    private final BotMessenger messenger;
    private final MattermostClient mattermost;
    private final Clock clock;
    private final DeliveryPause pause;
    private final ChatThreads threads;
    private final DeliveryJournal journal;

    /** Earlier deliveries of the retried messages of a batch: finished ones are skipped, PENDING ones looked for. */
    record Served(Map<String, Delivery> earlier) {
        static final Served NONE = new Served(Map.of());

        boolean has(String chatId, String messageId, String mattermostUserId) {
            Delivery d = earlier.get(key(chatId, messageId, mattermostUserId));
            return d != null && d.status() != Delivery.Status.PENDING;
        }

        /** The PENDING row a previous attempt left, if any: its posts may exist. */
        Delivery pending(String chatId, String messageId, String mattermostUserId) {
            Delivery d = earlier.get(key(chatId, messageId, mattermostUserId));
            return d != null && d.status() == Delivery.Status.PENDING ? d : null;
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

    /**
     * A notification goes into its chat's thread: the chat, who it is for there, and the thread's
     * root as recorded when the batch was read (null if none was).
     */
    record InThread(ChatInfo chat, String recipientTeamsId, String recordedRoot) {}

    Deliverer(DeliveryRepository deliveries, BotMessenger messenger, MattermostClient mattermost, Clock clock,
            DeliveryPause pause, ChatThreads threads, DeliveryJournal journal) {
        this.pause = pause;
        this.journal = journal;
        this.threads = threads;
        this.deliveries = deliveries;
        this.messenger = messenger;
        this.mattermost = mattermost;
        this.clock = clock;
    }

    /**
     * What earlier attempts left for these messages, read in one query for a whole batch, so a
     * retried notification only serves the users still missing.
     */
    Served served(Set<MessageRef> messages) {
        if (messages.isEmpty()) {
            return Served.NONE;
        }
        Set<String> chatIds = new HashSet<>();
        Set<String> messageIds = new HashSet<>();
        messages.forEach(m -> {
            chatIds.add(m.chatId());
            messageIds.add(m.messageId());
        });
        Map<String, Delivery> earlier = new HashMap<>();
        for (Delivery d : deliveries.findForMessages(chatIds, messageIds)) {
            if (messages.contains(new MessageRef(d.chatId(), d.messageId()))) {
                earlier.put(Served.key(d.chatId(), d.messageId(), d.mattermostUserId()), d);
            }
        }
        return new Served(earlier);
    }

    /**
     * Posts the parts not yet posted and records them all.
     *
     * @param pending what an earlier attempt may have left (its row, or an assumed one from the
     *     time its posts could have been made), or null on a first attempt
     */
    Attempt deliver(String chatId, String messageId, String mattermostUserId, Notification notification, Delivery pending,
            InThread thread) {
        List<String> parts = notification.parts();
        try {
            List<String> keys = new ArrayList<>(parts.size());
            for (int part = 0; part < parts.size(); part++) {
                keys.add(deliveryKey(chatId, messageId, mattermostUserId, part));
            }
            Map<String, String> found = pending == null ? Map.of()
                    : messenger.findDirectPosts(mattermostUserId, Set.copyOf(keys), pending.createdAt().minus(LOOKBACK));
            String root = thread == null ? null
                    : threads.rootFor(mattermostUserId, thread.recipientTeamsId(), thread.chat(), thread.recordedRoot());
            List<String> postIds = new ArrayList<>(parts.size());
            for (int part = 0; part < parts.size(); part++) {
                String existing = found.get(keys.get(part));
                if (existing != null) {
                    postIds.add(existing);
                    continue;
                }
                try {
                    postIds.add(post(mattermostUserId, notification, part, keys.get(part), root));
                } catch (MattermostException e) {
                    if (root == null || !BotMessenger.rootGone(e)) {
                        throw e;
                    }
                    threads.lost(mattermostUserId, chatId, root); // deleted in Mattermost: the chat gets a new thread
                    root = threads.rootFor(mattermostUserId, thread.recipientTeamsId(), thread.chat(), null);
                    postIds.add(post(mattermostUserId, notification, part, keys.get(part), root));
                }
            }
            journal.posted(new DeliveryRepository.Posted(chatId, messageId, mattermostUserId, postIds, clock.instant()));
            return Attempt.of(Result.POSTED);
        } catch (MattermostException e) {
            return failed(chatId, messageId, mattermostUserId, e);
        }
    }

    /** One part; the first carries the files, uploaded first (a retry uploads them again: uploads are single-use). */
    private String post(String mattermostUserId, Notification notification, int part, String key, String root) {
        if (part > 0 || notification.files().isEmpty()) {
            return messenger.sendNotification(mattermostUserId, notification.parts().get(part), key, List.of(), root).id();
        }
        BotMessenger.Uploaded uploaded = messenger.upload(mattermostUserId, notification.files());
        String text = uploaded.refused() > 0 ? notification.firstPartWithoutFiles() : notification.parts().getFirst();
        return messenger.sendNotification(mattermostUserId, text, key, uploaded.fileIds(), root).id();
    }

    /**
     * Brings the forwarded posts in line with an edit or a deletion in Teams: the first part shows
     * the new text, the other parts are removed (an edit is shown shortened to one post).
     */
    Attempt replace(Delivery delivery, String text, boolean deletion) {
        List<String> parts = delivery.parts();
        try {
            mattermost.patchPostMessage(parts.getFirst(), text);
            for (String extra : parts.subList(1, parts.size())) {
                removePost(extra);
            }
            if (parts.size() > 1) {
                deliveries.keepParts(delivery.chatId(), delivery.messageId(), delivery.mattermostUserId(), List.of(parts.getFirst()));
            }
            if (deletion) {
                deliveries.markDeleted(delivery.chatId(), delivery.messageId(), delivery.mattermostUserId(), clock.instant());
            } else {
                deliveries.markEdited(delivery.chatId(), delivery.messageId(), delivery.mattermostUserId(), clock.instant());
            }
            return Attempt.of(Result.POSTED);
        } catch (MattermostException e) {
            if (e.botUnauthorized()) {
                pause.botRefused(e);
            }
            if (e.transientFailure() || e.botUnauthorized()) {
                return new Attempt(Result.RETRY, e.getMessage());
            }
            // The post is gone or not ours to edit any more: nothing left to update.
            return new Attempt(Result.GAVE_UP, e.getMessage());
        }
    }

    /** A part already deleted (a retry after a partial pass) is fine. */
    private void removePost(String postId) {
        try {
            mattermost.deletePost(postId);
        } catch (MattermostException e) {
            if (e.transientFailure()) {
                throw e;
            }
        }
    }

    private Attempt failed(String chatId, String messageId, String mattermostUserId, MattermostException e) {
        if (e.botUnauthorized()) {
            pause.botRefused(e);
        }
        if (e.transientFailure() || e.botUnauthorized()) {
            deliveries.noteError(chatId, messageId, mattermostUserId, e.getMessage(), clock.instant());
            return new Attempt(Result.RETRY, e.getMessage());
        }
        deliveries.markFailed(chatId, messageId, mattermostUserId, e.getMessage(), clock.instant());
        return new Attempt(Result.GAVE_UP, e.getMessage());
    }

    /** The same for every attempt at the same post, and unlike any other. */
    static String deliveryKey(String chatId, String messageId, String mattermostUserId, int part) {
        return "tb" + Tokens.sha256(chatId + "|" + messageId + "|" + mattermostUserId + "|" + part).substring(0, 40);
    }
}
