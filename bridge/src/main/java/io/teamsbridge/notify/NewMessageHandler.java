package io.teamsbridge.notify;

import io.teamsbridge.notify.RecipientResolver.Candidate;
import io.teamsbridge.notify.RecipientResolver.Skip;
import io.teamsbridge.store.Decision;
import io.teamsbridge.store.Delivery;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A new Teams message. When a connected member could be told (by their presence and settings) it
 * is decrypted once (who wrote it decides who is told and how each decision is listed; when
 * nobody could be, it is left encrypted), then each member but the sender is
 * told, or recorded with the reason they are not: their settings, their presence, or a message
 * that is not a person's. Its hosted content is fetched, and it is rendered, only when someone is
 * told, once for all recipients. Users already served are skipped, so a retry finishes only what
 * is missing.
 */
@Component
class NewMessageHandler {
    private final MessageReader reader;
    private final PostComposer composer;
    private final Deliverer deliverer;
    private final ChatDirectory chats;
    private final DecisionLog decisions;
    private final ContentFetcher content;

    NewMessageHandler(MessageReader reader, PostComposer composer, Deliverer deliverer, ChatDirectory chats,
            DecisionLog decisions, ContentFetcher content) {
        this.content = content;
        this.reader = reader;
        this.composer = composer;
        this.deliverer = deliverer;
        this.chats = chats;
        this.decisions = decisions;
    }

    Outcome handle(WorkItem work, ChatInfo chat, List<Candidate> candidates, Map<String, PresenceGate.Seen> presence,
            Deliverer.Served served) {
        List<Candidate> pending = candidates.stream()
                .filter(c -> !served.has(work.chatId(), work.messageId(), c.mattermostUserId()))
                .toList();
        if (pending.isEmpty()) {
            return new Outcome.Done("nobody to notify");
        }
        if (pending.stream().noneMatch(c -> c.holdsBack(chat, presence.get(c.teamsUserId())).isEmpty())) {
            return nobodyCouldBeTold(work, chat, pending, presence);
        }
        IncomingMessage message = reader.read(work.change(), new MessageRef(work.chatId(), work.messageId()));
        if (message.changesMembers()) {
            chats.invalidate(work.chatId());
        }
        if (message.senderId() != null && !chat.hasMember(message.senderId())) {
            chats.invalidate(work.chatId()); // someone we did not know of wrote: the member list is stale
        }
        DecisionLog.About about = DecisionLog.About.of(work, chat, message.fromPerson() ? message.senderName() : "",
                message.createdAt());
        try (Lazy notification = new Lazy(message, chat, work.change().subscriptionId())) {
            int posted = 0;
            String retryReason = null;
            for (Candidate recipient : pending) {
                if (recipient.teamsUserId().equals(message.senderId())) {
                    decisions.ownMessage(work, recipient.mattermostUserId());
                    continue;
                }
                Optional<Skip> skip = message.fromPerson()
                        ? recipient.holdsBack(chat, presence.get(recipient.teamsUserId()))
                        : Optional.of(new Skip(Decision.Outcome.NOT_A_PERSON, message.messageType()));
                if (skip.isPresent()) {
                    decisions.notDelivered(about, recipient, skip.get());
                    continue;
                }
                Deliverer.Attempt attempt = deliverer.deliver(work.chatId(), work.messageId(), recipient.mattermostUserId(),
                        notification.get(), earlier(work, message, served, recipient),
                        recipient.settings().threadPerChat()
                                ? new Deliverer.InThread(chat, recipient.teamsUserId(), recipient.threadRoot()) : null);
                switch (attempt.result()) {
                    case POSTED -> {
                        posted++;
                        decisions.delivered(about, recipient);
                    }
                    case GAVE_UP -> decisions.givenUpFor(about, recipient, attempt.error());
                    case RETRY -> {
                        retryReason = attempt.error();
                        decisions.retrying(about, recipient, attempt.error());
                    }
                }
            }
            return retryReason != null
                    ? new Outcome.RetryLater("Mattermost: " + retryReason, Duration.ZERO)
                    : new Outcome.Done("delivered to " + posted);
        }
    }

    /**
     * Every candidate is held back by their presence or settings, whoever wrote the message: it stays
     * encrypted, and the RSA unwrap, most of what a notification costs, is not paid (most messages
     * of a working day end here). The decisions are listed without the sender's name, and a change
     * of members this message may announce is seen when the member list is next read
     * ({@code notifications.chat-cache-ttl}) rather than now.
     */
    private Outcome nobodyCouldBeTold(WorkItem work, ChatInfo chat, List<Candidate> pending,
            Map<String, PresenceGate.Seen> presence) {
        DecisionLog.About unread = DecisionLog.About.of(work, chat, "", null);
        for (Candidate candidate : pending) {
            decisions.notDelivered(unread, candidate, candidate.holdsBack(chat, presence.get(candidate.teamsUserId())).orElseThrow());
        }
        return new Outcome.Done("nobody to notify");
    }

    /**
     * The notification, fetched and rendered when the first recipient needs it and only then, once
     * for all of them; closing gives the fetched bytes back.
     */
    private final class Lazy implements AutoCloseable {
        private final IncomingMessage message;
        private final ChatInfo chat;
        private final String viaSubscription;
        private ContentFetcher.Fetched fetched;
        private Notification notification;

        Lazy(IncomingMessage message, ChatInfo chat, String viaSubscription) {
            this.message = message;
            this.chat = chat;
            this.viaSubscription = viaSubscription;
        }

        Notification get() {
            if (notification == null) {
                fetched = content.forNewMessage(message.content(), List.of(viaSubscription));
                notification = composer.newMessage(message, chat, fetched);
            }
            return notification;
        }

        @Override
        public void close() {
            if (fetched != null) {
                fetched.close();
            }
        }
    }

    /** What may already have been posted for this recipient, so the deliverer looks before it posts. */
    private static Delivery earlier(WorkItem work, IncomingMessage message, Deliverer.Served served, Candidate recipient) {
        Delivery earlier = served.pending(work.chatId(), work.messageId(), recipient.mattermostUserId());
        if (earlier == null && work.fetched()) {
            // A fetched message may have been posted before its record was lost (a restored backup).
            return Delivery.assumed(work.chatId(), work.messageId(), recipient.mattermostUserId(),
                    message.createdAt() != null ? message.createdAt() : work.item().receivedAt());
        }
        if (earlier == null && work.item().attempts() > 1) {
            // An earlier attempt may have posted and died before recording it.
            return Delivery.assumed(work.chatId(), work.messageId(), recipient.mattermostUserId(), work.item().receivedAt());
        }
        return earlier;
    }
}
