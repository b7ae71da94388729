package io.teamsbridge.notify;

import io.teamsbridge.store.Delivery;
import io.teamsbridge.store.DeliveryRepository;
import io.teamsbridge.store.InboxRepository;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Edits and deletions in Teams: the forwarded posts of that message are updated (marked edited) or
 * replaced with a short "deleted in Teams" text. A message nobody was notified of needs nothing,
 * and is not even decrypted, except that a change whose message's creation is still in the inbox,
 * or, for a new message, has not arrived yet (Graph delivered them out of order, up to
 * {@link #WAIT_FOR_CREATION}), waits for it.
 */
@Component
class ChangeSync {
    private final DeliveryRepository deliveries;
    private final MessageReader reader;
    private final PostComposer composer;
    private final ContentFetcher content;
    private final Deliverer deliverer;
    private final ChatDirectory chats;
    private final DecisionLog decisions;
    private final InboxRepository inbox;
    private final java.time.Clock clock;
    private final Triage triage;
    private final DeliveryJournal posts;

    /** How long an edit or deletion of a new message waits for the message's creation to arrive. */
    static final Duration WAIT_FOR_CREATION = Duration.ofMinutes(2);

    ChangeSync(DeliveryRepository deliveries, MessageReader reader, PostComposer composer, Deliverer deliverer,
            ChatDirectory chats, DecisionLog decisions, InboxRepository inbox, java.time.Clock clock, ContentFetcher content,
            Triage triage, DeliveryJournal posts) {
        this.posts = posts;
        this.content = content;
        this.triage = triage;
        this.inbox = inbox;
        this.clock = clock;
        this.decisions = decisions;
        this.deliveries = deliveries;
        this.reader = reader;
        this.composer = composer;
        this.deliverer = deliverer;
        this.chats = chats;
    }

    /** Teams message ids are the creation time in epoch milliseconds; ids of any other form count as old. */
    private boolean young(String messageId) {
        try {
            long created = Long.parseLong(messageId);
            return Math.abs(clock.millis() - created) < WAIT_FOR_CREATION.toMillis();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    Outcome handle(WorkItem work) {
        posts.writeNow(work.chatId(), work.messageId()); // posted earlier in this batch: recorded before they are looked up
        List<Delivery> forwarded = deliveries.findForMessage(work.chatId(), work.messageId()).stream()
                .filter(Delivery::hasPost)
                .filter(d -> d.status() != Delivery.Status.DELETED)
                .toList();
        if (forwarded.isEmpty()) {
            MessageRef ref = new MessageRef(work.chatId(), work.messageId());
            InboxRepository.CreationState creation = inbox.creationState(work.chatId(), work.messageId(),
                    InboxKeys.of(ChangeType.CREATED, ref, ""));
            // Graph promises no order: a creation received but not finished comes first, and one not
            // received yet may still come for a new message (unless nobody connected is in the chat:
            // then its creation is not stored when it comes, and there is nothing to wait for).
            if (creation == InboxRepository.CreationState.OPEN
                    || creation == InboxRepository.CreationState.ABSENT && young(work.messageId())
                            && !triage.nobodyConnectedIn(work.chatId())) {
                return new Outcome.RetryLater("waiting for the message's creation, which has not been processed yet",
                        Duration.ZERO);
            }
            return new Outcome.Done("no forwarded post to update");
        }
        boolean deleted = work.is(ChangeType.DELETED);
        IncomingMessage message = null;
        if (work.change().hasMessage()) {
            message = reader.read(work.change(), new MessageRef(work.chatId(), work.messageId()));
            deleted |= message.deleted();
        }
        if (message == null && !deleted) {
            return new Outcome.Failed("an edit arrived without the message's content; the post is left as it was");
        }
        ChatInfo chat = chats.get(work.chatId(), java.util.List.of(work.change().subscriptionId()));
        String text = deleted
                ? composer.deleted(message == null ? "Someone" : message.senderName(), chat)
                : composer.edited(message, chat, content.forEdit(message.content(), java.util.List.of(work.change().subscriptionId())));
        String retry = null;
        for (Delivery delivery : forwarded) {
            Deliverer.Attempt attempt = deliverer.replace(delivery, text, deleted);
            if (attempt.result() == Deliverer.Result.RETRY) {
                retry = attempt.error();
            }
        }
        if (retry != null) {
            return new Outcome.RetryLater("Mattermost: " + retry, Duration.ZERO);
        }
        String summary = (deleted ? "deleted " : "edited ") + forwarded.size() + " post(s)";
        decisions.updated(work, summary);
        return new Outcome.Done(summary);
    }
}
