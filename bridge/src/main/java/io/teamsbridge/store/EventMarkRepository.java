package io.teamsbridge.store;

import static io.teamsbridge.store.AccountLinkRepository.instant;
import static io.teamsbridge.store.AccountLinkRepository.utc;

import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Named marks of how far an event stream is known to have been seen, shared by every instance. */
@Repository
public class EventMarkRepository {
    private final JdbcClient jdbc;

    public EventMarkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Instant> seenUntil(String name) {
        return jdbc.sql("SELECT seen_until FROM event_mark WHERE name = ?")
                .param(name)
                .query((rs, n) -> instant(rs, 1))
                .optional();
    }

    /** Moves the mark forward to {@code at}; a mark already later stays. */
    public void advance(String name, Instant at) {
        int moved = jdbc.sql("UPDATE event_mark SET seen_until = ? WHERE name = ? AND seen_until < ?")
                .params(utc(at), name, utc(at))
                .update();
        if (moved == 0 && seenUntil(name).isEmpty()) {
            try {
                jdbc.sql("INSERT INTO event_mark (name, seen_until) VALUES (?, ?)").params(name, utc(at)).update();
            } catch (DuplicateKeyException anotherInstanceFirst) {
                advance(name, at);
            }
        }
    }
}
