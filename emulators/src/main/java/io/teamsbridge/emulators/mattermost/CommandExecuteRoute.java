package io.teamsbridge.emulators.mattermost;

import io.teamsbridge.emulators.http.Request;
import io.teamsbridge.emulators.http.Response;

/**
 * {@code POST /commands/execute} {@code {channel_id, command, team_id?}}: the signed-in user runs a
 * slash command, as the web client does; the same execution as the control API's.
 */
final class CommandExecuteRoute {
    private final CommandExecutor executor;

    CommandExecuteRoute(CommandExecutor executor) {
        this.executor = executor;
    }

    void register(ApiRouter api) {
        api.post("/commands/execute", this::execute);
    }

    private Response execute(Request request, Caller caller) throws InterruptedException {
        JsonBody body = JsonBody.object(request, "command_args");
        String channelId = body.string("channel_id");
        if (!Ids.isValid(channelId)) {
            throw new AppError(400, "api.command.execute_command.start.app_error", "No command trigger found.");
        }
        IntegrationResult result = executor.execute(caller.user(), body.string("team_id"), channelId,
                body.string("command"));
        return Wire.json(result.status(), result.response());
    }
}
