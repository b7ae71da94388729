package io.teamsbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Stopping ends the loop and says whether the work it handed out ended in time. */
class WorkerThreadsTest {
    @Test
    void stoppingInterruptsTheLoopAndReportsWorkThatEnded() throws Exception {
        WorkerThreads threads = new WorkerThreads();
        CountDownLatch loopEnded = new CountDownLatch(1);
        CountDownLatch workDone = new CountDownLatch(1);
        threads.start("test-loop", () -> {
            try {
                Thread.sleep(Duration.ofMinutes(1));
            } catch (InterruptedException e) {
                loopEnded.countDown();
            }
        });
        threads.work().execute(workDone::countDown);
        assertThat(workDone.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(threads.stop(Duration.ofSeconds(10), Duration.ofSeconds(10))).isTrue();
        assertThat(loopEnded.getCount()).as("the loop was interrupted").isZero();
    }

    @Test
    void workThatOutlastsItsBoundIsReportedUnfinished() throws Exception {
        WorkerThreads threads = new WorkerThreads();
        CountDownLatch working = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        threads.start("test-loop", () -> { });
        threads.work().execute(() -> {
            working.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(working.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(threads.stop(Duration.ofSeconds(1), Duration.ofMillis(50))).isFalse();
        release.countDown();
    }
}
