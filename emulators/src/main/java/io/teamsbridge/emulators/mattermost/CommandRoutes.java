package io.teamsbridge.emulators.mattermost;

import io.teamsbridge.emulators.http.Request;
import io.teamsbridge.emulators.http.Response;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Custom slash command CRUD as {@code api4/command.go}: creating needs
 * {@code manage_own_slash_commands} on the team (team or system admins), someone else's command
 * also {@code manage_others_slash_commands}; reading, changing or deleting a command the caller
 * may not manage answers 404 so its existence does not leak.
 */
final class CommandRoutes {
    private final CommandStore commands;
    private final Permissions permissions;
    private final UserStore users;
    private final ServerConfig config;
    private final Clock clock;

    CommandRoutes(CommandStore commands, Permissions permissions, UserStore users, ServerConfig config, Clock clock) {
        this.commands = commands;
        this.permissions = permissions;
        this.users = users;
        this.config = config;
        this.clock = clock;
    }

    void register(ApiRouter api) {
        api.post("/commands", this::create)
                .get("/commands", this::list)
                .get("/commands/{command_id}", this::get)
                .put("/commands/{command_id}", this::update)
                .delete("/commands/{command_id}", this::delete)
                .put("/commands/{command_id}/regen_token", this::regenToken);
    }

    private Response create(Request request, Caller caller) {
        JsonBody body = JsonBody.object(request, "command");
        String teamId = body.string("team_id");
        permissions.requireOnTeam(caller.user(), teamId, Permission.MANAGE_OWN_SLASH_COMMANDS);
        String creatorId = body.string("creator_id");
        if (!creatorId.isEmpty() && !creatorId.equals(caller.userId())) {
            permissions.requireOnTeam(caller.user(), teamId, Permission.MANAGE_OTHERS_SLASH_COMMANDS);
            users.require(creatorId);
        } else {
            creatorId = caller.userId();
        }
        if (!config.current().enableCommands()) {
            throw AppError.commandsDisabled();
        }
        long now = clock.millis();
        Command command = fromBody(body, Ids.newId(), Ids.newId(), now, now, creatorId, teamId);
        return Wire.created(commands.add(command));
    }

    private Response list(Request request, Caller caller) {
        boolean customOnly = Boolean.parseBoolean(request.queryParam("custom_only").orElse("false"));
        String teamId = request.queryParam("team_id").orElse("");
        if (teamId.isEmpty()) {
            throw AppError.invalidBodyParam("team_id");
        }
        permissions.requireOnTeam(caller.user(), teamId, Permission.VIEW_TEAM);
        boolean manageOwn = permissions.hasOnTeam(caller.user(), teamId, Permission.MANAGE_OWN_SLASH_COMMANDS);
        boolean manageOthers = permissions.hasOnTeam(caller.user(), teamId, Permission.MANAGE_OTHERS_SLASH_COMMANDS);
        if (customOnly && !manageOwn) {
            throw AppError.permission();
        }
        if (customOnly && !config.current().enableCommands()) {
            throw AppError.commandsDisabled();
        }
        List<Command> custom = commands.byTeam(teamId).stream()
                .filter(c -> manageOthers || c.creatorId().equals(caller.userId()))
                .toList();
        if (customOnly) {
            return Wire.ok(custom);
        }
        // Without custom_only the server lists its built-in commands first, then the (sanitised)
        // custom ones the caller may manage, or only auto-completing ones for other callers.
        List<Object> all = new ArrayList<>();
        CommandStore.BUILT_IN.stream().sorted().forEach(trigger -> all.add(Map.of("trigger", trigger,
                "auto_complete", true, "display_name", trigger, "team_id", "", "id", "")));
        List<Command> visible = manageOwn ? custom : commands.byTeam(teamId).stream().filter(Command::autoComplete).toList();
        visible.forEach(c -> all.add(c.sanitized()));
        return Wire.ok(all);
    }

    private Response get(Request request, Caller caller) {
        return Wire.ok(manageable(request, caller, true));
    }

    private Response update(Request request, Caller caller) {
        JsonBody body = JsonBody.object(request, "command");
        if (!body.string("id").equals(request.pathParam("command_id"))) {
            throw AppError.invalidBodyParam("command");
        }
        Command old = commands.get(request.pathParam("command_id")).orElseThrow(AppError::commandNotFound);
        if (!body.string("team_id").equals(old.teamId())) {
            throw new AppError(400, "api.command.team_mismatch.app_error",
                    "Unable to update commands across teams.");
        }
        manageable(request, caller, false);
        Command updated = fromBody(body, old.id(), old.token(), old.createAt(), clock.millis(), old.creatorId(),
                old.teamId());
        return Wire.ok(commands.replace(updated));
    }

    private Response delete(Request request, Caller caller) {
        Command command = manageable(request, caller, false);
        commands.remove(command.id());
        return Wire.statusOk();
    }

    private Response regenToken(Request request, Caller caller) {
        Command command = manageable(request, caller, false);
        Command renewed = commands.replace(command.withToken(Ids.newId(), clock.millis()));
        return Wire.ok(Map.of("token", renewed.token()));
    }

    /**
     * The command if the caller may manage it. Missing team permissions are a 404; someone else's
     * command without {@code manage_others_slash_commands} is a 404 for reads and a 403 for writes,
     * as the server answers.
     */
    private Command manageable(Request request, Caller caller, boolean read) {
        String id = request.pathParam("command_id");
        if (!Ids.isValid(id)) {
            throw AppError.invalidUrlParam("command_id");
        }
        Command command = commands.get(id).orElseThrow(AppError::commandNotFound);
        if (!permissions.hasOnTeam(caller.user(), command.teamId(), Permission.VIEW_TEAM)
                || !permissions.hasOnTeam(caller.user(), command.teamId(), Permission.MANAGE_OWN_SLASH_COMMANDS)) {
            throw AppError.commandNotFound();
        }
        if (!caller.userId().equals(command.creatorId())
                && !permissions.hasOnTeam(caller.user(), command.teamId(), Permission.MANAGE_OTHERS_SLASH_COMMANDS)) {
            throw read ? AppError.commandNotFound() : AppError.permission();
        }
        return command;
    }

    private static Command fromBody(JsonBody body, String id, String token, long createAt, long updateAt,
            String creatorId, String teamId) {
        return new Command(id, token, createAt, updateAt, 0, creatorId, teamId,
                body.string("trigger").toLowerCase(Locale.ROOT), body.string("method"), body.string("username"),
                body.string("icon_url"), body.bool("auto_complete"), body.string("auto_complete_desc"),
                body.string("auto_complete_hint"), body.string("display_name"), body.string("description"),
                body.string("url"), "");
    }
}
