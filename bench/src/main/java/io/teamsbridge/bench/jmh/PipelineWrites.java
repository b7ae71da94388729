package io.teamsbridge.bench.jmh;

import io.teamsbridge.store.BatchSettlement;
import io.teamsbridge.store.Decision;
import io.teamsbridge.store.DecisionRepository;
import io.teamsbridge.store.DeliveryRepository;
import io.teamsbridge.store.InboxClaims;
import io.teamsbridge.store.InboxItem;
import io.teamsbridge.store.InboxRepository;
import io.teamsbridge.store.NewInboxItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The store's writes for delivered notifications, made the way the pipeline makes them: the
 * webhook's commit of a request's notifications, then a worker's claim of a batch and the
 * settlement of its delivery records, decisions and completion. Payloads are 3,000 characters,
 * the order of an encrypted chat message from Graph (its wrapped key alone is 344 base64
 * characters); 50 chats.
 */
final class PipelineWrites {
    private static final String PAYLOAD = "{\"value\":[{\"encryptedContent\":{\"data\":\"" + "Q".repeat(2_930) + "\"}}]}";
    private static final String CLAIMANT = "bench";

    private final InboxRepository inbox;
    private final InboxClaims claims;
    private final BatchSettlement settlement;
    private final DecisionRepository decisions;
    private final Instant now = Instant.parse("2026-12-04T08:00:00Z");
    private long next;

    PipelineWrites(H2File h2) {
        inbox = new InboxRepository(h2.jdbc, h2.batches, h2.transactions, h2.writes);
        claims = new InboxClaims(h2.jdbc, h2.transactions);
        decisions = new DecisionRepository(h2.jdbc, h2.batches);
        settlement = new BatchSettlement(h2.transactions, inbox, new DeliveryRepository(h2.jdbc, h2.writes), decisions);
    }

    /** One webhook request carrying {@code count} new notifications: one commit. */
    void webhook(int count) {
        inbox.insertAll(fresh(count), now);
    }

    /**
     * {@code requests} webhook requests, each carrying one new message that nobody could be told
     * of, settled as it arrives (stored done, a commit each), then their decisions in one batch as
     * the journal writes them.
     */
    void webhookSettled(int requests) {
        List<Decision> decided = new ArrayList<>(requests);
        for (int i = 0; i < requests; i++) {
            NewInboxItem item = fresh(1).get(0);
            inbox.insertAll(List.of(), List.of(item), now);
            decided.add(present(item.chatId(), item.messageId()));
        }
        decisions.insertAll(decided, List.of());
    }

    private List<NewInboxItem> fresh(int count) {
        List<NewInboxItem> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long n = next++;
            items.add(new NewInboxItem("key-" + n, "subscription", "created", "19:chat-" + (n % 50) + "@thread.v2", "m" + n, PAYLOAD));
        }
        return items;
    }

    private Decision present(String chatId, String messageId) {
        return new Decision("mm-user", now, chatId, messageId, "1:1 chat with Pat", "", Decision.Outcome.PRESENT, "Available");
    }

    /** A worker's claim of up to {@code batch} due items nobody could be told of, and their settlement; how many it claimed. */
    int claimAndSettleUndelivered(int batch) {
        List<InboxItem> claimed = claims.claimDue(CLAIMANT, now, batch);
        settlement.commit(new BatchSettlement.Writes(List.of(), claimed.stream().map(i -> present(i.chatId(), i.messageId())).toList(),
                List.of(), claimed.stream().map(InboxItem::id).toList(), CLAIMANT));
        return claimed.size();
    }

    /** A worker's claim of up to {@code batch} due items and the settlement of their delivery; how many it claimed. */
    int claimAndSettle(int batch) {
        List<InboxItem> claimed = claims.claimDue(CLAIMANT, now, batch);
        settlement.commit(new BatchSettlement.Writes(
                claimed.stream().map(i -> new DeliveryRepository.Posted(i.chatId(), i.messageId(), "mm-user",
                        List.of("post-" + i.messageId()), now)).toList(),
                claimed.stream().map(i -> new Decision("mm-user", now, i.chatId(), i.messageId(), "1:1 chat with Pat", "Pat",
                        Decision.Outcome.DELIVERED, "")).toList(),
                List.of(), claimed.stream().map(InboxItem::id).toList(), CLAIMANT));
        return claimed.size();
    }
}
