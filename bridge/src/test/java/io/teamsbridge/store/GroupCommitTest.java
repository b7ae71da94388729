package io.teamsbridge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class GroupCommitTest {
    JdbcClient jdbc;
    TransactionTemplate transactions;
    GroupCommit writes;

    @BeforeEach
    void database() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("CREATE TABLE t (id INT PRIMARY KEY)").update();
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        writes = new GroupCommit(transactions);
    }

    @AfterEach
    void close() {
        writes.close();
    }

    @Test
    void writesThatWaitTogetherShareOneCommit() throws Exception {
        CountDownLatch firstInside = new CountDownLatch(1);
        CountDownLatch othersQueued = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> first = pool.submit(() -> writes.run(() -> {
                insert(0);
                firstInside.countDown();
                await(othersQueued);
            }));
            assertThat(firstInside.await(5, TimeUnit.SECONDS)).isTrue();
            List<Future<?>> others = new ArrayList<>();
            for (int i = 1; i <= 40; i++) {
                int id = i;
                others.add(pool.submit(() -> writes.run(() -> insert(id))));
            }
            Thread.sleep(200); // all forty are queued behind the first commit
            othersQueued.countDown();
            first.get(5, TimeUnit.SECONDS);
            for (Future<?> f : others) {
                f.get(5, TimeUnit.SECONDS);
            }
        }

        assertThat(jdbc.sql("SELECT COUNT(*) FROM t").query(Long.class).single()).isEqualTo(41);
        assertThat(writes.commits()).isEqualTo(2);
    }

    @Test
    void aFailingWriteFailsOnlyItsOwnCaller() throws Exception {
        insert(7);
        CountDownLatch firstInside = new CountDownLatch(1);
        CountDownLatch othersQueued = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> blocker = pool.submit(() -> writes.run(() -> {
                insert(100);
                firstInside.countDown();
                await(othersQueued);
            }));
            assertThat(firstInside.await(5, TimeUnit.SECONDS)).isTrue();
            Future<?> good = pool.submit(() -> writes.run(() -> insert(1)));
            Future<?> bad = pool.submit(() -> writes.run(() -> insert(7)));
            Future<?> alsoGood = pool.submit(() -> writes.run(() -> insert(2)));
            Thread.sleep(200);
            othersQueued.countDown();
            blocker.get(5, TimeUnit.SECONDS);
            good.get(5, TimeUnit.SECONDS);
            alsoGood.get(5, TimeUnit.SECONDS);
            assertThatThrownBy(() -> bad.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(DataIntegrityViolationException.class);
        }

        assertThat(jdbc.sql("SELECT id FROM t ORDER BY id").query(Integer.class).list()).containsExactly(1, 2, 7, 100);
    }

    @Test
    void aWriteAfterAQuietSpellIsCommittedWithoutLingering() throws Exception {
        try (GroupCommit lingering = new GroupCommit(transactions, Duration.ofMinutes(1));
                ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            pool.submit(() -> lingering.run(() -> insert(1))).get(10, TimeUnit.SECONDS); // far less than the minute

            assertThat(lingering.lingered()).isZero();
            assertThat(lingering.commits()).isEqualTo(1);
        }
    }

    @Test
    void writesOnTheHeelsOfACommitWaitForCompanyAndShareOneCommit() throws Exception {
        try (GroupCommit lingering = new GroupCommit(transactions, Duration.ofSeconds(1));
                ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            lingering.run(() -> insert(1)); // after a quiet spell: at once
            List<Future<?>> following = new ArrayList<>();
            for (int i = 2; i <= 4; i++) {
                int id = i;
                following.add(pool.submit(() -> lingering.run(() -> insert(id))));
            }
            for (Future<?> f : following) {
                f.get(10, TimeUnit.SECONDS);
            }

            assertThat(jdbc.sql("SELECT COUNT(*) FROM t").query(Long.class).single()).isEqualTo(4);
            assertThat(lingering.commits()).isEqualTo(2);
            assertThat(lingering.lingered()).isEqualTo(1);
        }
    }

    @Test
    void aNegativeLingerIsRefused() {
        assertThatThrownBy(() -> new GroupCommit(transactions, Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWriteAfterCloseStillCommits() {
        writes.close();

        writes.run(() -> insert(5));

        assertThat(jdbc.sql("SELECT COUNT(*) FROM t").query(Long.class).single()).isEqualTo(1);
    }

    private void insert(int id) {
        jdbc.sql("INSERT INTO t (id) VALUES (?)").param(id).update();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
