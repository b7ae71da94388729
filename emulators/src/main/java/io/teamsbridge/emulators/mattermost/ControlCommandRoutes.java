package io.teamsbridge.emulators.mattermost;

import io.teamsbridge.emulators.http.Request;
import io.teamsbridge.emulators.http.Response;
import io.teamsbridge.emulators.http.Router;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The control API's integration calls: run a slash command as a user, list or delete a team's
 * registered commands (an admin removing the bridge's command), and see or submit the dialogs
 * opened for a user.
 */
final class ControlCommandRoutes {
    private final UserStore users;
    private final CommandExecutor executor;
    private final CommandStore commands;
    private final DialogStore dialogs;
    private final DialogSubmitter submitter;

    ControlCommandRoutes(UserStore users, CommandExecutor executor, CommandStore commands, DialogStore dialogs,
            DialogSubmitter submitter) {
        this.users = users;
        this.executor = executor;
        this.commands = commands;
        this.dialogs = dialogs;
        this.submitter = submitter;
    }

    void register(Router router) {
        router.post("/_sandbox/commands/execute", this::execute)
                .get("/_sandbox/teams/{id}/commands", this::listCommands)
                .delete("/_sandbox/commands/{id}", this::deleteCommand)
                .get("/_sandbox/users/{id}/dialogs", this::listDialogs)
                .post("/_sandbox/dialogs/{id}/submit", this::submitDialog);
    }

    private Response execute(Request request) throws InterruptedException {
        JsonBody body = JsonBody.object(request, "body");
        User user = users.require(body.string("userId"));
        IntegrationResult result = executor.execute(user, body.string("teamId"), body.string("channelId"),
                body.string("command"));
        return Wire.control(200, result);
    }

    private Response listCommands(Request request) {
        List<Command> team = commands.byTeam(request.pathParam("id"));
        return new Response(200, Map.of("Content-Type", "application/json", Wire.REQUEST_ID, Ids.newId()),
                Wire.MAPPER.writeValueAsBytes(team));
    }

    private Response deleteCommand(Request request) {
        if (!commands.remove(request.pathParam("id"))) {
            throw AppError.commandNotFound();
        }
        return Wire.control(200, Map.of("status", "OK"));
    }

    private Response listDialogs(Request request) {
        User user = users.require(request.pathParam("id"));
        List<Map<String, Object>> out = dialogs.forUser(user.id()).stream().map(d -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", d.id());
            view.put("userId", d.userId());
            view.put("channelId", d.channelId());
            view.put("teamId", d.teamId());
            view.put("url", d.url());
            view.put("triggerId", d.triggerId());
            view.put("dialog", d.dialog());
            view.put("createAt", d.createAt());
            return view;
        }).toList();
        return Wire.control(200, out);
    }

    /** {@code {submission: {name: value}, cancelled?}} → {@code {status, response}}. */
    private Response submitDialog(Request request) throws InterruptedException {
        JsonBody body = JsonBody.object(request, "body");
        OpenDialog dialog = dialogs.get(request.pathParam("id"))
                .orElseThrow(() -> new AppError(404, "sandbox.dialog.not_found", "No open dialog with that id."));
        IntegrationResult result = submitter.submit(dialog, body.node().get("submission"), body.bool("cancelled"));
        return Wire.control(200, result);
    }
}
