package io.teamsbridge.emulators.mattermost;

import io.teamsbridge.emulators.http.Request;
import io.teamsbridge.emulators.http.Response;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /hooks/commands/{id}}, the {@code response_url} of a slash command: the body is a
 * command response (JSON, or plain text) that is posted as if the command had answered it, up to
 * 5 times within 30 minutes. Answers "ok" in plain text, as the server's {@code commandWebhook}.
 */
final class CommandHookRoutes {
    private final CommandWebhooks hooks;
    private final CommandResponseApplier applier;

    CommandHookRoutes(CommandWebhooks hooks, CommandResponseApplier applier) {
        this.hooks = hooks;
        this.applier = applier;
    }

    void register(ApiRouter api) {
        api.anonymousOutsideApi("POST", "/hooks/commands/{hook_id}", this::respond);
    }

    private Response respond(Request request) {
        ObjectNode parsed = parse(request);
        CommandWebhooks.Hook hook = hooks.use(request.pathParam("hook_id"));
        IntegrationResult result = applier.handle(hook.scope(), hook.command(),
                CommandResponseApplier.normalize(parsed, ""));
        if (result.status() != 200) {
            return Wire.json(result.status(), result.response());
        }
        return new Response(200, Map.of("Content-Type", "text/plain", Wire.REQUEST_ID, Ids.newId()),
                "ok".getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectNode parse(Request request) {
        try {
            return CommandResponseApplier.parse(request.header("content-type").orElse(""), request.body());
        } catch (IllegalArgumentException e) {
            throw new AppError(400, "web.command_webhook.parse.app_error", "Unable to parse incoming data.");
        }
    }
}
