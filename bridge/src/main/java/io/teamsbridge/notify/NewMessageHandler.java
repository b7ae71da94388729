package io.teamsbridge.notify;

import io.teamsbridge.notify.RecipientResolver.Candidate;
import io.teamsbridge.store.Delivery;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A new Teams message: from the candidates who are away, drop the sender, decrypt only when someone
 * is left, render and deliver to each. Users already served are skipped, so a retry finishes only
 * what is missing.
 */
@Component
class NewMessageHandler {
    private static final Logger log = LoggerFactory.getLogger(NewMessageHandler.class);

    private final MessageReader reader;
    private final PostComposer composer;
    private final Deliverer deliverer;
    private final ChatDirectory chats;
    private final DecisionLog decisions;

    NewMessageHandler(MessageReader reader, PostComposer composer, Deliverer deliverer, ChatDirectory chats,
            DecisionLog decisions) {
        this.reader = reader;
        this.composer = composer;
        this.deliverer = deliverer;
        this.chats = chats;
        this.decisions = decisions;
    }

    Outcome handle(WorkItem work, ChatInfo chat, List<Candidate> candidates, Map<String, PresenceGate.Seen> presence,
            Deliverer.Served served) {
        List<Candidate> away = candidates.stream().filter(c -> {
            PresenceGate.Seen seen = presence.get(c.teamsUserId());
            boolean notify = Audiences.wouldHear(seen);
            if (!notify) {
                decisions.notDelivered(work, c.mattermostUserId(), "they are " + seen.availability() + " in Teams");
            }
            return notify;
        }).filter(Predicate.not(c -> served.has(work.chatId(), work.messageId(), c.mattermostUserId()))).toList();
        if (away.isEmpty()) {
            return new Outcome.Done("nobody to notify");
        }
        IncomingMessage message = reader.read(work.change(), new MessageRef(work.chatId(), work.messageId()));
        if (message.changesMembers()) {
            chats.invalidate(work.chatId());
        }
        if (!message.fromPerson()) {
            away.forEach(c -> decisions.notDelivered(work, c.mattermostUserId(), "it is not a message from a person ("
                    + message.messageType() + ")"));
            return new Outcome.Done("not a message from a person (" + message.messageType() + ")");
        }
        if (!chat.hasMember(message.senderId())) {
            chats.invalidate(work.chatId()); // someone we did not know of wrote: the member list is stale
        }
        List<String> parts = composer.newMessage(message, chat);
        int posted = 0;
        String retryReason = null;
        for (Candidate recipient : away) {
            if (recipient.teamsUserId().equals(message.senderId())) {
                decisions.notDelivered(work, recipient.mattermostUserId(), "they wrote it");
                continue;
            }
            Delivery earlier = served.pending(work.chatId(), work.messageId(), recipient.mattermostUserId());
            if (earlier == null && work.fetched()) {
                // A fetched message may have been posted before its record was lost (a restored backup):
                // look in the direct channel first, as for a retry.
                earlier = Delivery.assumed(work.chatId(), work.messageId(), recipient.mattermostUserId(),
                        message.createdAt() != null ? message.createdAt() : work.item().receivedAt());
            } else if (earlier == null && work.item().attempts() > 1) {
                // An earlier attempt may have posted and died before recording it.
                earlier = Delivery.assumed(work.chatId(), work.messageId(), recipient.mattermostUserId(), work.item().receivedAt());
            }
            Deliverer.Attempt attempt = deliverer.deliver(work.chatId(), work.messageId(), recipient.mattermostUserId(), parts,
                    earlier);
            switch (attempt.result()) {
                case POSTED -> {
                    posted++;
                    decisions.delivered(work, recipient.mattermostUserId());
                }
                case GAVE_UP -> log.warn("Gave up notifying Mattermost user {} of message {}: {}", recipient.mattermostUserId(),
                        work.messageId(), attempt.error());
                case RETRY -> retryReason = attempt.error();
            }
        }
        return retryReason != null
                ? new Outcome.RetryLater("Mattermost: " + retryReason, Duration.ZERO)
                : new Outcome.Done("delivered to " + posted);
    }
}
