package io.teamsbridge.store;

import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finishes a batch of inbox items in one transaction: the delivery records of the posts it made,
 * the decisions it journaled, and the completion of its finished items. On H2 and on PostgreSQL
 * the commit, not the statement, is what a write costs (a chunk written, a WAL flush), and a batch
 * used to pay one for its decisions, one for its completion and one per group of posts.
 * Completion and records in one commit also means an item is never seen done without them.
 */
@Component
public class BatchSettlement {
    private final TransactionTemplate transactions;
    private final InboxRepository inbox;
    private final DeliveryRepository deliveries;
    private final DecisionRepository decisions;

    public BatchSettlement(TransactionTemplate transactions, InboxRepository inbox, DeliveryRepository deliveries,
            DecisionRepository decisions) {
        this.transactions = transactions;
        this.inbox = inbox;
        this.deliveries = deliveries;
        this.decisions = decisions;
    }

    /** What one batch writes when it is settled. */
    public record Writes(List<DeliveryRepository.Posted> posted, List<Decision> decisions,
            List<DecisionRepository.Replacing> replacingDecisions, List<Long> done, String claimant) {
        public boolean isEmpty() {
            return posted.isEmpty() && decisions.isEmpty() && replacingDecisions.isEmpty() && done.isEmpty();
        }
    }

    /** Writes them all in one transaction, or nothing; the caller decides what to try again. */
    public void commit(Writes writes) {
        if (writes.isEmpty()) {
            return;
        }
        transactions.executeWithoutResult(status -> {
            deliveries.recordPosted(writes.posted());
            decisions.insertAll(writes.decisions(), writes.replacingDecisions());
            inbox.completeAll(writes.done(), writes.claimant());
        });
    }
}
