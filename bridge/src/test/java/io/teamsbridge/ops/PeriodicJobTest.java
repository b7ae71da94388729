package io.teamsbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class PeriodicJobTest {

    @Test
    void aPassThatThrowsAnErrorDoesNotStopTheNextPasses() {
        AtomicInteger passes = new AtomicInteger();
        PeriodicJob job = new PeriodicJob("failing", Duration.ZERO, Duration.ofMillis(10), () -> {
            if (passes.incrementAndGet() % 2 == 1) {
                throw new OutOfMemoryError("simulated");
            }
            throw new IllegalStateException("simulated");
        });
        job.start();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> passes.get() >= 5);
            assertThat(job.isRunning()).isTrue();
        } finally {
            job.stop();
        }
    }

    @Test
    void stoppingLetsARunningPassFinishWithoutAnInterrupt() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicBoolean finished = new AtomicBoolean();
        PeriodicJob job = new PeriodicJob("writer", Duration.ZERO, Duration.ofHours(1), () -> {
            started.countDown();
            try {
                release.await();
                finished.set(true);
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        });
        job.start();
        started.await();
        Thread stopper = Thread.ofPlatform().start(job::stop);
        // The stopper waits for the pass to end before it cancels anything.
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> stopper.getState() == Thread.State.BLOCKED);
        release.countDown();
        stopper.join();
        assertThat(finished).isTrue();
        assertThat(interrupted).isFalse();
        assertThat(job.isRunning()).isFalse();
    }

    @Test
    void aPassThatDoesNotEndIsReportedStuck() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        PeriodicJob job = new PeriodicJob("stuck", Duration.ZERO, Duration.ofHours(1), () -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(job.problem(System.nanoTime())).isEmpty();
        job.start();
        try {
            started.await();
            long later = System.nanoTime() + PeriodicJob.STUCK_AFTER.toNanos() + 1_000_000_000L;
            assertThat(job.problem(System.nanoTime())).isEmpty();
            assertThat(job.problem(later)).hasValueSatisfying(v -> assertThat(v).startsWith("a pass has been running for"));
        } finally {
            release.countDown();
            job.stop();
        }
        assertThat(job.problem(System.nanoTime() + PeriodicJob.STUCK_AFTER.toNanos() * 2)).isEmpty();
    }
}
