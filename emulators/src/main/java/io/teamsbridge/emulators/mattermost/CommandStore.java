package io.teamsbridge.emulators.mattermost;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Custom slash commands. Saving checks the trigger against the team's other commands and the
 * built-in ones, as {@code App.createCommand} does; saves are synchronised so the check and the
 * write cannot interleave.
 */
final class CommandStore {
    /** Triggers of the server's built-in commands, which custom commands may not reuse. */
    static final Set<String> BUILT_IN = Set.of("away", "code", "collapse", "dnd", "echo", "expand", "groupmsg",
            "header", "help", "invite", "invite_people", "join", "kick", "leave", "logout", "me", "msg", "mute",
            "offline", "online", "open", "purpose", "remove", "rename", "search", "settings", "shortcuts", "shrug");

    private final ConcurrentHashMap<String, Command> commands = new ConcurrentHashMap<>();

    synchronized Command add(Command command) {
        checkTriggerFree(command.teamId(), command.trigger(), command.id());
        command.validate();
        commands.put(command.id(), command);
        return command;
    }

    /** An update; like {@code App.UpdateCommand}, it does not re-check the trigger for clashes. */
    synchronized Command replace(Command command) {
        command.validate();
        commands.put(command.id(), command);
        return command;
    }

    Optional<Command> get(String id) {
        return Optional.ofNullable(id == null ? null : commands.get(id));
    }

    boolean remove(String id) {
        return commands.remove(id) != null;
    }

    /** The team's commands, oldest first. */
    List<Command> byTeam(String teamId) {
        return commands.values().stream()
                .filter(c -> c.teamId().equals(teamId))
                .sorted(Comparator.comparingLong(Command::createAt).thenComparing(Command::trigger))
                .toList();
    }

    Optional<Command> byTrigger(String teamId, String trigger) {
        return byTeam(teamId).stream().filter(c -> c.trigger().equals(trigger)).findFirst();
    }

    private void checkTriggerFree(String teamId, String trigger, String ownId) {
        boolean taken = BUILT_IN.contains(trigger)
                || byTeam(teamId).stream().anyMatch(c -> c.trigger().equals(trigger) && !c.id().equals(ownId));
        if (taken) {
            throw new AppError(400, "api.command.duplicate_trigger.app_error",
                    "This trigger word is already in use. Please choose another word.");
        }
    }
}
