package io.teamsbridge.notify;

import io.teamsbridge.store.BatchSettlement;
import io.teamsbridge.store.DeliveryRepository.Posted;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * [workers] Completes a batch's finished items in one transaction with every post's record and
 * decision waiting ({@link BatchSettlement}). One completion runs at a time: a batch may take the
 * records of the other batch in flight, and that batch must not be seen done before they are
 * committed (or, if the commit fails, back in the journal for its own completion). The decisions
 * are a diagnostic: if the whole fails, it is tried once more without them, and they wait.
 */
@Component
class BatchCompletion {
    private static final Logger log = LoggerFactory.getLogger(BatchCompletion.class);

    private final BatchSettlement settlement;
    private final DeliveryJournal posts;
    private final DecisionJournal journal;
    private final ReentrantLock oneAtATime = new ReentrantLock(); // not synchronized: it waits on the database

    BatchCompletion(BatchSettlement settlement, DeliveryJournal posts, DecisionJournal journal) {
        this.settlement = settlement;
        this.posts = posts;
        this.journal = journal;
    }

    void complete(List<Long> done, String claimant) {
        oneAtATime.lock();
        try {
            List<Posted> posted = posts.drain();
            DecisionJournal.Drained decided = journal.drain();
            try {
                settlement.commit(new BatchSettlement.Writes(posted, decided.fresh(), decided.replacing(), done, claimant));
                return;
            } catch (RuntimeException e) {
                journal.putBack(decided);
                if (decided.isEmpty()) {
                    posts.putBack(posted);
                    throw e;
                }
                log.warn("Settling a batch with its {} decision(s) failed; settling it without them: {}", decided.size(),
                        e.getMessage());
            }
            try {
                settlement.commit(new BatchSettlement.Writes(posted, List.of(), List.of(), done, claimant));
            } catch (RuntimeException e) {
                posts.putBack(posted);
                throw e;
            }
        } finally {
            oneAtATime.unlock();
        }
    }
}
