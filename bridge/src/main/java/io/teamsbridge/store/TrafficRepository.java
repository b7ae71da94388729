package io.teamsbridge.store;

import static io.teamsbridge.store.AccountLinkRepository.utc;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Change notifications received per hour (all instances together). */
@Repository
public class TrafficRepository {
    private final JdbcClient jdbc;

    public TrafficRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Received and could-concern counts over a time. */
    public record Totals(long received, long concerning) {
        public Totals plus(Totals other) {
            return new Totals(received + other.received, concerning + other.concerning);
        }
    }

    /** Adds counts to the hour {@code at} falls in. */
    public void add(Instant at, long received, long concerning) {
        Instant hour = at.truncatedTo(ChronoUnit.HOURS);
        for (int attempt = 0; attempt < 3; attempt++) {
            if (jdbc.sql("UPDATE traffic_hour SET received = received + ?, concerning = concerning + ? WHERE hour_start = ?")
                    .params(received, concerning, utc(hour)).update() > 0) {
                return;
            }
            try {
                jdbc.sql("INSERT INTO traffic_hour (hour_start, received, concerning) VALUES (?, ?, ?)")
                        .params(utc(hour), received, concerning).update();
                return;
            } catch (DuplicateKeyException anotherInstanceFirst) {
                // its row exists now: add to it
            }
        }
    }

    /** The counts of the hours that began at or after {@code since}'s hour. */
    public Totals since(Instant since) {
        return jdbc.sql("SELECT COALESCE(SUM(received), 0) AS r, COALESCE(SUM(concerning), 0) AS c FROM traffic_hour "
                        + "WHERE hour_start >= ?")
                .param(utc(since.truncatedTo(ChronoUnit.HOURS)))
                .query((rs, row) -> new Totals(rs.getLong("r"), rs.getLong("c"))).single();
    }

    /** Forgets hours before {@code before}. */
    public int deleteBefore(Instant before) {
        return jdbc.sql("DELETE FROM traffic_hour WHERE hour_start < ?").param(utc(before)).update();
    }
}
