package io.teamsbridge.store;

import static io.teamsbridge.store.AccountLinkRepository.instant;
import static io.teamsbridge.store.AccountLinkRepository.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Slash-command registrations, one per team. */
@Repository
public class TeamCommandRepository {
    private static final String COLUMNS = "team_id, command_id, token_sealed, registered_at, verified_at";

    private final JdbcClient jdbc;

    public TeamCommandRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<TeamCommand> find(String teamId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM team_command WHERE team_id = ?")
                .param(teamId)
                .query(TeamCommandRepository::map)
                .optional();
    }

    public List<TeamCommand> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM team_command ORDER BY team_id").query(TeamCommandRepository::map).list();
    }

    @Transactional
    public void save(TeamCommand command) {
        jdbc.sql("DELETE FROM team_command WHERE team_id = ?").param(command.teamId()).update();
        jdbc.sql("INSERT INTO team_command (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)")
                .params(command.teamId(), command.commandId(), command.tokenSealed(), utc(command.registeredAt()),
                        utc(command.verifiedAt()))
                .update();
    }

    /** Replaces the sealed token with the same token sealed under another key; false if it changed meanwhile. */
    public boolean reseal(String teamId, String oldSealed, String newSealed) {
        return jdbc.sql("UPDATE team_command SET token_sealed = ? WHERE team_id = ? AND token_sealed = ?")
                .params(newSealed, teamId, oldSealed).update() == 1;
    }

    public void markVerified(String teamId, Instant at) {
        jdbc.sql("UPDATE team_command SET verified_at = ? WHERE team_id = ?").params(utc(at), teamId).update();
    }

    public void delete(String teamId) {
        jdbc.sql("DELETE FROM team_command WHERE team_id = ?").param(teamId).update();
    }

    private static TeamCommand map(ResultSet rs, int row) throws SQLException {
        return new TeamCommand(rs.getString("team_id"), rs.getString("command_id"), rs.getString("token_sealed"),
                instant(rs, "registered_at"), instant(rs, "verified_at"));
    }
}
