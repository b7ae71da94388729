package io.teamsbridge.notify;

import io.teamsbridge.store.Decision;
import io.teamsbridge.store.DecisionRepository;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Keeps each user's decisions for "/msteams status". The pipeline's threads add them as they
 * decide; the worker writes what a batch decided in one statement, in the transaction that settles
 * the batch, so the list costs a batch insert per batch, not a write (or a commit) per person.
 * What the webhook decides (messages settled as they arrive) is written every {@link #FLUSH_EVERY}
 * if no settlement took it first, in one statement for all the requests of that second rather than
 * in each request's commit, and at shutdown. It is a diagnostic: a decision lost to a crash
 * between deciding and writing is not worth a transaction on the delivery path.
 */
@Component
class DecisionJournal implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(DecisionJournal.class);
    static final Duration FLUSH_EVERY = Duration.ofSeconds(1);
    /** A bound on what waits, should writes fail for long: the oldest are dropped first. */
    private static final int MAX_WAITING = 50_000;

    private final DecisionRepository decisions;
    private final ConcurrentLinkedQueue<Entry> waiting = new ConcurrentLinkedQueue<>();

    /**
     * A decision, and if it was made on a retry (and so replaces an earlier one about the same
     * message) when its message was received; null on a first attempt.
     */
    record Entry(Decision decision, java.time.Instant retryOfMessageReceivedAt) {}

    DecisionJournal(DecisionRepository decisions) {
        this.decisions = decisions;
    }

    /** Adds a decision; {@code retryOfMessageReceivedAt} is null on a first attempt, else when the message was received. */
    void add(Decision decision, java.time.Instant retryOfMessageReceivedAt) {
        waiting.add(new Entry(decision, retryOfMessageReceivedAt));
    }

    /** The users a message was still being retried for see it given up, and why. */
    void giveUp(String chatId, String messageId, String detail) {
        flush(); // what this batch decided must be written before it can be given up
        try {
            decisions.giveUp(chatId, messageId, detail);
        } catch (DataAccessException e) {
            log.warn("Giving up message {} in the users' status lists failed: {}", messageId, e.getMessage());
        }
    }

    @Override
    public void destroy() {
        flush();
    }

    /** Writes everything waiting; on a database error it stays for the next call. */
    void flush() {
        Drained batch = drain();
        if (batch.isEmpty()) {
            return;
        }
        try {
            decisions.insertAll(batch.fresh(), batch.replacing());
        } catch (DataAccessException e) {
            log.warn("{} decision(s) for the users' status lists could not be written yet: {}", batch.size(), e.getMessage());
            putBack(batch);
        }
    }

    /** Takes everything waiting, for a writer that commits it with other writes ({@link OutcomePolicy}). */
    Drained drain() {
        List<Entry> batch = new ArrayList<>();
        for (Entry e = waiting.poll(); e != null; e = waiting.poll()) {
            batch.add(e);
        }
        return new Drained(batch);
    }

    /** What a failed write took comes back, within the bound. */
    void putBack(Drained drained) {
        if (waiting.size() + drained.size() <= MAX_WAITING) {
            waiting.addAll(drained.entries());
        }
    }

    /** Decisions taken from the journal: first decisions, and those replacing an earlier one. */
    record Drained(List<Entry> entries) {
        boolean isEmpty() {
            return entries.isEmpty();
        }

        int size() {
            return entries.size();
        }

        List<Decision> fresh() {
            return entries.stream().filter(e -> e.retryOfMessageReceivedAt() == null).map(Entry::decision).toList();
        }

        List<DecisionRepository.Replacing> replacing() {
            return entries.stream().filter(e -> e.retryOfMessageReceivedAt() != null)
                    .map(e -> new DecisionRepository.Replacing(e.decision(), e.retryOfMessageReceivedAt())).toList();
        }
    }
}
