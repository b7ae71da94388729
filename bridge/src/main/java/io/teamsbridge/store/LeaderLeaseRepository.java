package io.teamsbridge.store;

import static io.teamsbridge.store.AccountLinkRepository.utc;

import java.time.Instant;
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
        return jdbc.sql("UPDATE leader_lease SET holder = ?, expires_at = ? WHERE name = ? "
                        + "AND (holder IS NULL OR holder = ? OR expires_at < ?)")
                .params(holder, utc(until), name, holder, utc(now))
                .update() == 1;
    }

    public void release(String name, String holder) {
        jdbc.sql("UPDATE leader_lease SET holder = NULL WHERE name = ? AND holder = ?").params(name, holder).update();
    }
}
