package io.teamsbridge.mattermost;

import io.teamsbridge.config.BridgeProperties;
import io.teamsbridge.config.MattermostProperties;
import io.teamsbridge.crypto.SecretVault;
import io.teamsbridge.mattermost.MattermostWire.Command;
import io.teamsbridge.mattermost.MattermostWire.Team;
import io.teamsbridge.store.TeamCommand;
import io.teamsbridge.store.TeamCommandRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the slash command registered in every Mattermost team. A custom command belongs to one team,
 * and Mattermost sends no event when a team is created, so each pass lists the teams and, per team,
 * checks that our command is there: it creates it when missing (new team, or deleted by someone),
 * points it at our URL when the public URL changed, and regenerates its token when we have none
 * stored (a fresh database). The token of each team is kept sealed.
 */
public class CommandRegistrar {
    private static final Logger log = LoggerFactory.getLogger(CommandRegistrar.class);
    static final String PATH = "/mattermost/command";

    private final MattermostClient client;
    private final MattermostBot bot;
    private final TeamCommandRepository commands;
    private final SecretVault vault;
    private final Clock clock;
    private final String trigger;
    private final String url;

    public CommandRegistrar(MattermostClient client, MattermostBot bot, TeamCommandRepository commands,
            SecretVault vault, Clock clock, MattermostProperties mattermost, BridgeProperties bridge) {
        this.client = client;
        this.bot = bot;
        this.commands = commands;
        this.vault = vault;
        this.clock = clock;
        this.trigger = mattermost.commandTrigger();
        this.url = bridge.publicBase() + PATH;
    }

    /** One pass over all teams. Failures in one team are logged and do not stop the others. */
    public void sync() {
        List<Team> teams = client.teams();
        Set<String> live = new HashSet<>();
        int changed = 0;
        for (Team team : teams) {
            if (team.deleted()) {
                continue;
            }
            live.add(team.id());
            try {
                changed += syncTeam(team) ? 1 : 0;
            } catch (MattermostException e) {
                log.warn("The /{} command could not be checked in team '{}' ({}): {}{}", trigger, team.name(), team.id(),
                        e.getMessage(), e.status() == 403
                                ? ". The bot needs the system admin role (or team admin in this team) to manage slash commands."
                                : "; it is tried again on the next pass.");
            }
        }
        for (TeamCommand stored : commands.findAll()) {
            if (!live.contains(stored.teamId())) {
                commands.delete(stored.teamId());
                log.info("Forgot the /{} command of team {}, which no longer exists.", trigger, stored.teamId());
            }
        }
        if (changed > 0) {
            log.info("The /{} command is registered in {} team(s); {} changed in this pass.", trigger, live.size(), changed);
        }
    }

    /** Returns whether anything was created or changed. */
    private boolean syncTeam(Team team) {
        Instant now = clock.instant();
        Optional<TeamCommand> stored = commands.find(team.id());
        List<Command> existing = client.customCommands(team.id()).stream()
                .filter(c -> trigger.equals(c.trigger()) && (c.deleteAt() == null || c.deleteAt() == 0))
                .toList();
        Optional<Command> ours = existing.stream()
                .filter(c -> stored.map(s -> s.commandId().equals(c.id())).orElse(false)
                        || url.equals(c.url())
                        || bot.userId().equals(c.creatorId()))
                .findFirst();
        if (ours.isEmpty()) {
            if (!existing.isEmpty()) {
                log.warn("Team '{}' already has another /{} command (pointing at {}); teams-bridge leaves it alone. "
                        + "Remove it, or set mattermost.command-trigger to another word.", team.name(), trigger,
                        existing.getFirst().url());
                return false;
            }
            Command created = client.createCommand(describe(team.id(), null));
            save(team, created.id(), created.token(), now);
            log.info("Registered /{} in team '{}'.", trigger, team.name());
            return true;
        }
        Command command = ours.get();
        boolean changed = false;
        if (!url.equals(command.url()) || !"P".equals(command.method()) || !HINT.equals(command.autoCompleteHint())) {
            client.updateCommand(describe(team.id(), command));
            log.info("Updated /{} in team '{}' (pointing at {}, with the current hint).", trigger, team.name(), url);
            changed = true;
        }
        if (stored.isPresent() && stored.get().commandId().equals(command.id())) {
            commands.markVerified(team.id(), now);
            return changed;
        }
        // Ours, but its token is unknown here (e.g. a new database): a fresh token makes it ours again.
        save(team, command.id(), client.regenerateCommandToken(command.id()), now);
        log.info("Took over the existing /{} command in team '{}' with a new token.", trigger, team.name());
        return true;
    }

    private void save(Team team, String commandId, String token, Instant now) {
        commands.save(new TeamCommand(team.id(), commandId, vault.seal(token, TeamCommand.vaultContext(team.id())), now, now));
    }

    /** The autocomplete hint Mattermost shows after the trigger; a registration with an older one is updated. */
    static final String HINT = "[help|connect|disconnect|status|settings|notifications on|off|admin]";

    private Command describe(String teamId, Command current) {
        return new Command(current == null ? null : current.id(), teamId, trigger, url, "P", null,
                current == null ? null : current.creatorId(), null, true,
                "Connect Microsoft Teams and manage its chat notifications",
                HINT, "Microsoft Teams",
                "Microsoft Teams chat notifications (teams-bridge)");
    }
}
