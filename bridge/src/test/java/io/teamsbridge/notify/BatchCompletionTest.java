package io.teamsbridge.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.teamsbridge.store.BatchSettlement;
import io.teamsbridge.store.Decision;
import io.teamsbridge.store.DeliveryRepository.Posted;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A batch's completion: decisions are dropped from a failing commit before the records are; one completion at a time. */
class BatchCompletionTest {
    private final Instant now = Instant.parse("2026-12-04T10:00:00Z");
    private final DeliveryJournal posts = new DeliveryJournal(null);
    private final DecisionJournal decisions = new DecisionJournal(null);
    private final List<BatchSettlement.Writes> committed = new CopyOnWriteArrayList<>();

    private Posted posted(String message) {
        return new Posted("chat", message, "user", List.of("post-" + message), now);
    }

    private Decision decision(String message) {
        return new Decision("user", now, "chat", message, "1:1 chat", "Pat", Decision.Outcome.DELIVERED, "");
    }

    @Test
    void aCommitThatFailsWithTheDecisionsIsMadeWithoutThemAndTheyWait() {
        AtomicInteger calls = new AtomicInteger();
        BatchCompletion completion = new BatchCompletion(new BatchSettlement(null, null, null, null) {
            @Override
            public void commit(Writes writes) {
                if (calls.incrementAndGet() == 1) {
                    throw new org.springframework.dao.DataIntegrityViolationException("simulated: a decision is refused");
                }
                committed.add(writes);
            }
        }, posts, decisions);
        posts.posted(posted("m1"));
        decisions.add(decision("m1"), null);

        completion.complete(List.of(1L), "worker");

        assertThat(committed).singleElement().satisfies(w -> {
            assertThat(w.posted()).extracting(Posted::messageId).containsExactly("m1");
            assertThat(w.decisions()).isEmpty();
            assertThat(w.done()).containsExactly(1L);
        });
        assertThat(decisions.drain().size()).as("the decisions wait for the next batch").isOne();
    }

    @Test
    void whenTheCommitFailsTheRecordsWaitForTheNextCompletion() {
        BatchCompletion completion = new BatchCompletion(new BatchSettlement(null, null, null, null) {
            @Override
            public void commit(Writes writes) {
                throw new org.springframework.dao.DataAccessResourceFailureException("simulated: the database is down");
            }
        }, posts, decisions);
        posts.posted(posted("m2"));

        assertThatThrownBy(() -> completion.complete(List.of(2L), "worker")).hasMessageContaining("database is down");

        assertThat(posts.drain()).extracting(Posted::messageId).containsExactly("m2");
    }

    @Test
    void aSecondBatchIsNotCompletedWhileTheFirstCommitsRecordsItTookFromIt() throws Exception {
        CountDownLatch firstCommitting = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        BatchCompletion completion = new BatchCompletion(new BatchSettlement(null, null, null, null) {
            @Override
            public void commit(Writes writes) {
                if (writes.claimant().equals("first")) {
                    firstCommitting.countDown();
                    try {
                        releaseFirst.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                committed.add(writes);
            }
        }, posts, decisions);
        posts.posted(posted("of-the-second-batch"));

        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> completion.complete(List.of(1L), "first"));
        assertThat(firstCommitting.await(10, TimeUnit.SECONDS)).isTrue();
        Thread second = Thread.ofPlatform().start(() -> completion.complete(List.of(2L), "second"));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> second.getState() == Thread.State.WAITING || !second.isAlive());
        assertThat(committed).as("the second waits for the first's commit").isEmpty();
        releaseFirst.countDown();
        first.get(10, TimeUnit.SECONDS);
        second.join(10_000);

        assertThat(committed).extracting(BatchSettlement.Writes::claimant).containsExactly("first", "second");
        assertThat(committed.getFirst().posted()).extracting(Posted::messageId).containsExactly("of-the-second-batch");
    }
}
