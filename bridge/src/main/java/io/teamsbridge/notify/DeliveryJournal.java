package io.teamsbridge.notify;

import io.teamsbridge.store.DeliveryRepository;
import io.teamsbridge.store.DeliveryRepository.Posted;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.stereotype.Component;

/**
 * The delivery records of posts made by the batches in flight, written when their batch is
 * settled, in the transaction that completes its items ({@link OutcomePolicy}), instead of a
 * commit per post. Waiting loses nothing: until its batch is settled an item stays claimed, and
 * an item tried again after a crash looks for its posts by their keys before posting
 * ({@link Deliverer}). The one reader that can come before the settlement, an edit or deletion of
 * the same message later in the same batch, writes that message's records first
 * ({@link #writeNow}); a message's records can wait only in its own batch, since the claim leaves
 * out a chat while an earlier item of it is open.
 */
@Component
class DeliveryJournal {
    private final DeliveryRepository deliveries;
    private final ConcurrentLinkedQueue<Posted> waiting = new ConcurrentLinkedQueue<>();

    DeliveryJournal(DeliveryRepository deliveries) {
        this.deliveries = deliveries;
    }

    void posted(Posted posted) {
        waiting.add(posted);
    }

    /** Takes everything waiting, for the settlement of a batch. */
    List<Posted> drain() {
        List<Posted> out = new ArrayList<>();
        for (Posted p = waiting.poll(); p != null; p = waiting.poll()) {
            out.add(p);
        }
        return out;
    }

    /** What a failed settlement took comes back, for the next one. */
    void putBack(List<Posted> posted) {
        waiting.addAll(posted);
    }

    /** Writes the waiting records of one message now, in a commit of their own. */
    void writeNow(String chatId, String messageId) {
        List<Posted> mine = new ArrayList<>();
        waiting.removeIf(p -> {
            boolean match = p.chatId().equals(chatId) && p.messageId().equals(messageId);
            if (match) {
                mine.add(p);
            }
            return match;
        });
        try {
            mine.forEach(p -> deliveries.markPosted(p.chatId(), p.messageId(), p.mattermostUserId(), p.postIds(), p.at()));
        } catch (RuntimeException e) {
            putBack(mine); // a database error fails the edit, which is retried; the records wait for the settlement
            throw e;
        }
    }
}
