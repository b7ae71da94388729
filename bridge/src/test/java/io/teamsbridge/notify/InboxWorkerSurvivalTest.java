package io.teamsbridge.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.teamsbridge.config.NotificationsProperties;
import io.teamsbridge.ops.WorkerHealth;
import io.teamsbridge.store.InboxItem;
import io.teamsbridge.store.InboxRepository;
import io.teamsbridge.store.InboxStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.util.unit.DataSize;

/**
 * The inbox worker's loop survives whatever is thrown, in the loop itself or inside a batch, and
 * goes on with the next batch; readiness sees it running. (The database and the pipeline are
 * stand-ins here: what is tested is the loop.)
 */
class InboxWorkerSurvivalTest {
    private final Clock clock = Clock.systemUTC();
    private final NotificationsProperties settings = new NotificationsProperties(true, Duration.ofHours(24), 100, Duration.ZERO, Duration.ZERO, 4,
            Duration.ofMinutes(2), DataSize.ofMegabytes(4), Duration.ZERO, Duration.ofMinutes(10), Duration.ofMinutes(5),
            Duration.ofHours(1), Duration.ofDays(7));
    private final StubInbox inbox = new StubInbox();
    private final WorkerHealth health = new WorkerHealth(inbox, clock);

    @Test
    void anErrorWhileClaimingOrInsideABatchDoesNotStopTheLoop() {
        inbox.claims.add(() -> {
            throw new OutOfMemoryError("simulated: while claiming");
        });
        inbox.claims.add(() -> List.of(item(1, "chat-a")));
        inbox.claims.add(() -> List.of(item(2, "chat-b")));
        Queue<Long> poisoned = new ConcurrentLinkedQueue<>(List.of(1L));
        NotificationPipeline pipeline = new NotificationPipeline(null, null, null, null, null, null, null) {
            @Override
            Map<Long, Outcome> process(List<InboxItem> batch, Semaphore permits) {
                if (poisoned.remove(batch.getFirst().id())) {
                    throw new StackOverflowError("simulated: inside a batch");
                }
                return Map.of(batch.getFirst().id(), new Outcome.Done("delivered"));
            }
        };
        DecisionJournal journal = new DecisionJournal(null) {
            @Override
            void flush() {}
        };
        DecisionLog decisions = new DecisionLog(new SimpleMeterRegistry(), event -> {}, journal, clock);
        io.teamsbridge.store.InboxClaims claims = new io.teamsbridge.store.InboxClaims(null, null) {
            @Override
            public List<InboxItem> claimDue(String claimant, Instant now, int limit) {
                Supplier<List<InboxItem>> next = inbox.claims.poll();
                return next == null ? List.of() : next.get();
            }
        };
        io.teamsbridge.store.BatchSettlement settlement = new io.teamsbridge.store.BatchSettlement(null, null, null, null) {
            @Override
            public void commit(Writes writes) {
                inbox.completed.addAll(writes.done());
            }
        };
        OutcomePolicy outcomes = new OutcomePolicy(inbox, new BatchCompletion(settlement, new DeliveryJournal(null), journal),
                decisions, clock, settings);
        InboxWorker worker = new InboxWorker(claims, pipeline, new InboxSignal(), outcomes, new ClaimKeeper(inbox, clock, settings), new DeliveryPause(null, inbox, clock), clock, settings, health);
        worker.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> inbox.completed.contains(2L));
            assertThat(inbox.completed).doesNotContain(1L);
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            assertThat(health.health().getDetails()).containsEntry("inbox-worker", "running");
        } finally {
            worker.stop();
        }
        assertThat(health.health().getStatus()).as("a loop stopped for shutdown is not a fault").isEqualTo(Status.UP);
    }

    @Test
    void aLoopWhoseThreadEndedOrThatHangsIsReportedDownWithTheReason() throws Exception {
        WorkerHealth.Loop died = health.register("died", Duration.ofMinutes(1));
        Thread thread = Thread.ofPlatform().start(died::beat);
        thread.join();
        WorkerHealth.Loop hangs = health.register("hangs", Duration.ofMillis(1));
        hangs.beat();
        Thread.sleep(5);

        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.health().getDetails())
                .containsEntry("died", "stopped: its thread has ended")
                .hasEntrySatisfying("hangs", v -> assertThat(v.toString()).startsWith("no pass for"));
        WorkerHealth.Loop told = health.register("told", Duration.ofMinutes(1));
        told.stopped("the database schema is newer than this version");
        assertThat(health.health().getDetails()).containsEntry("told", "stopped: the database schema is newer than this version");
    }

    @Test
    void anInboxWithWorkDueForMinutesIsReportedDown() {
        inbox.earliestDue = Optional.of(clock.instant().minus(Duration.ofMinutes(3)));
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.health().getDetails().get("inbox").toString()).contains("no worker took it");

        inbox.earliestDue = Optional.of(clock.instant().minus(Duration.ofSeconds(30)));
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    private InboxItem item(long id, String chat) {
        return new InboxItem(id, "sub", "created", chat, "m" + id, "{}", clock.instant(), InboxStatus.CLAIMED, 1,
                clock.instant(), "worker", null);
    }

    /** Hands out the scripted claims, then nothing; holds what was completed. */
    private static final class StubInbox extends InboxRepository {
        final Queue<Supplier<List<InboxItem>>> claims = new ConcurrentLinkedQueue<>();
        final List<Long> completed = new CopyOnWriteArrayList<>();
        volatile Optional<Instant> earliestDue = Optional.empty();

        StubInbox() {
            super(null, null, null, null);
        }

        @Override
        public int releaseExpiredClaims(Instant claimedBefore) {
            return 0;
        }

        @Override
        public int renewClaims(java.util.Collection<String> claimants, Instant now) {
            return claimants.size();
        }

        @Override
        public boolean reschedule(long id, String claimant, Instant nextAttemptAt, String error) {
            return true;
        }

        @Override
        public Optional<Instant> earliestDueAt() {
            return earliestDue;
        }
    }
}
