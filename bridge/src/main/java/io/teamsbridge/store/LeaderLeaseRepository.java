package io.teamsbridge.store;

import static io.teamsbridge.store.AccountLinkRepository.utc;

import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Named leases in the database: one holder at a time, taken over only after it lapses. */
@Repository
public class LeaderLeaseRepository {
    private final JdbcClient jdbc;

    public LeaderLeaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes or extends the lease; true when {@code holder} holds it until {@code until}. A lease
     * released at shutdown (no holder) is free at once, not only when its time runs out.
     */
    public boolean tryAcquire(String name, String holder, Instant now, Instant until) {
        if (update(name, holder, now, until)) {
            return true;
        }
        if (exists(name)) {
            return false;
        }
        // A job named nowhere in the migrations: its lease is made on first use, rather than the job never running.
        try {
            jdbc.sql("INSERT INTO leader_lease (name, holder, expires_at) VALUES (?, NULL, ?)")
                    .params(name, utc(Instant.EPOCH))
                    .update();
        } catch (DuplicateKeyException anotherInstanceFirst) {
            // made by another instance meanwhile: compete for it as usual
        }
        return update(name, holder, now, until);
    }

    private boolean update(String name, String holder, Instant now, Instant until) {
        return jdbc.sql("UPDATE leader_lease SET holder = ?, expires_at = ? WHERE name = ? "
                        + "AND (holder IS NULL OR holder = ? OR expires_at < ?)")
                .params(holder, utc(until), name, holder, utc(now))
                .update() == 1;
    }

    private boolean exists(String name) {
        return jdbc.sql("SELECT COUNT(*) FROM leader_lease WHERE name = ?").param(name).query(Long.class).single() > 0;
    }

    public void release(String name, String holder) {
        jdbc.sql("UPDATE leader_lease SET holder = NULL WHERE name = ? AND holder = ?").params(name, holder).update();
    }
}
