package io.teamsbridge.notify;

import io.teamsbridge.notify.RecipientResolver.Candidate;
import io.teamsbridge.store.InboxItem;
import io.teamsbridge.store.InboxRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the stages for a claimed batch of inbox items. The batch is what makes presence cheap: the
 * candidates of every new message in it are looked up in one Graph call. Items of one chat run in
 * order (a message's edit never overtakes its creation); different chats run in parallel. Whatever
 * one item's stages throw becomes that item's outcome ({@link Failures}); items past the age limit
 * are given up unprocessed, and a message whose deletion is already waiting is not posted.
 */
@Component
class NotificationPipeline {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Audiences audiences;
    private final NewMessageHandler newMessages;
    private final ChangeSync changes;
    private final Deliverer deliverer;
    private final DecisionLog decisions;
    private final OutcomePolicy policy;
    private final InboxRepository inbox;

    NotificationPipeline(Audiences audiences, NewMessageHandler newMessages, ChangeSync changes, Deliverer deliverer,
            DecisionLog decisions, OutcomePolicy policy, InboxRepository inbox) {
        this.audiences = audiences;
        this.policy = policy;
        this.inbox = inbox;
        this.deliverer = deliverer;
        this.decisions = decisions;
        this.newMessages = newMessages;
        this.changes = changes;
    }

    /**
     * The outcome of each item, by inbox id. A chat holds one of {@code permits} while its items
     * run, so the permits bound how many chats are processed at once across concurrent batches.
     */
    Map<Long, Outcome> process(List<InboxItem> batch, Semaphore permits) {
        Map<Long, Outcome> outcomes = new ConcurrentHashMap<>();
        Map<String, List<WorkItem>> byChat = new LinkedHashMap<>();
        for (InboxItem item : batch) {
            if (policy.expired(item)) {
                outcomes.put(item.id(), new Outcome.Failed(policy.expiredReason(item.lastError())));
                continue;
            }
            try {
                StoredChange change = JSON.readValue(item.payload(), StoredChange.class);
                byChat.computeIfAbsent(item.chatId(), k -> new ArrayList<>()).add(new WorkItem(item, change));
            } catch (JacksonException e) {
                outcomes.put(item.id(), new Outcome.Failed("the stored notification is not readable"));
            }
        }
        // The audience of every chat with new messages: recipients and presence in one place.
        Map<String, Set<String>> chatsWithNewMessages = new HashMap<>();
        byChat.forEach((chatId, items) -> items.stream().filter(w -> w.is(ChangeType.CREATED)).forEach(w ->
                chatsWithNewMessages.computeIfAbsent(chatId, k -> new LinkedHashSet<>()).add(w.change().subscriptionId())));
        Audiences.Batch audience = audiences.of(chatsWithNewMessages);
        audience.failed().forEach((chatId, e) ->
                byChat.get(chatId).forEach(w -> outcomes.put(w.item().id(), Failures.outcomeOf(e, w.item().attempts()))));
        Map<String, PresenceGate.Seen> presenceOf = audience.presence();
        // Only a new message claimed before can have deliveries already: its inbox row is the only
        // one (the de-duplication key), and every claim counts an attempt.
        Set<MessageRef> retried = new HashSet<>();
        audience.chats().keySet().forEach(chatId -> byChat.get(chatId).stream()
                .filter(w -> w.is(ChangeType.CREATED) && w.item().attempts() > 1)
                .forEach(w -> retried.add(new MessageRef(w.chatId(), w.messageId()))));
        Deliverer.Served served = deliverer.served(retried);
        deletedBeforeDelivery(byChat).forEach(id -> outcomes.put(id, new Outcome.Done("deleted in Teams before it was delivered")));

        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (Map.Entry<String, List<WorkItem>> chat : byChat.entrySet()) {
                running.add(executor.submit(() -> {
                    permits.acquireUninterruptibly();
                    try {
                        for (WorkItem work : chat.getValue()) {
                            // Not computeIfAbsent: that would hold a lock of the map for the whole post.
                            if (!outcomes.containsKey(work.item().id())) {
                                Audiences.ForChat forChat = audience.chats().get(work.chatId());
                                outcomes.put(work.item().id(), handle(work, forChat == null ? null : forChat.chat(),
                                        forChat == null ? List.of() : forChat.candidates(), presenceOf, served));
                            }
                        }
                    } finally {
                        permits.release();
                    }
                }));
            }
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("A pipeline task failed unexpectedly", e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return outcomes;
    }

    private Outcome handle(WorkItem work, ChatInfo chat, List<Candidate> chatCandidates, Map<String, PresenceGate.Seen> presenceOf,
            Deliverer.Served served) {
        decisions.received(work);
        try {
            ChangeType type = work.type().orElse(null);
            if (type == null) {
                return new Outcome.Failed("unknown change type " + work.change().changeType());
            }
            return switch (type) {
                case CREATED -> newMessages.handle(work, chat, chatCandidates, presenceOf, served);
                case UPDATED, DELETED -> changes.handle(work);
            };
        } catch (RuntimeException e) {
            return Failures.outcomeOf(e, work.item().attempts());
        }
    }

    /**
     * New messages of this batch whose deletion is waiting too (in the batch, or in the inbox: it
     * arrived while the message was retried, or before it): they are finished without a post, so
     * the deleted text never appears.
     */
    private List<Long> deletedBeforeDelivery(Map<String, List<WorkItem>> byChat) {
        Set<MessageRef> deleted = new HashSet<>();
        Set<MessageRef> created = new HashSet<>();
        byChat.values().forEach(items -> items.forEach(w -> {
            if (w.is(ChangeType.DELETED)) {
                deleted.add(new MessageRef(w.chatId(), w.messageId()));
            } else if (w.is(ChangeType.CREATED)) {
                created.add(new MessageRef(w.chatId(), w.messageId()));
            }
        }));
        created.removeAll(deleted);
        if (!created.isEmpty()) {
            Map<String, MessageRef> byKey = new HashMap<>();
            created.forEach(m -> byKey.put(InboxKeys.of(ChangeType.DELETED, m, ""), m));
            inbox.openKeys(byKey.keySet()).forEach(key -> deleted.add(byKey.get(key)));
        }
        List<Long> out = new ArrayList<>();
        byChat.values().forEach(items -> items.stream()
                .filter(w -> w.is(ChangeType.CREATED))
                .filter(w -> deleted.contains(new MessageRef(w.chatId(), w.messageId())))
                .forEach(w -> out.add(w.item().id())));
        return out;
    }
}
