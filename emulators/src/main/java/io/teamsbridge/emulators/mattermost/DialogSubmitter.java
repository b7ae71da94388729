package io.teamsbridge.emulators.mattermost;

import io.teamsbridge.emulators.http.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Submits (or cancels) an open dialog as the server's {@code SubmitInteractiveDialog}: a JSON
 * POST of the {@code dialog_submission} to the dialog's url, with no auth header. A 200 reply is
 * passed back (an empty body, {@code {"errors":{...}}}, {@code {"error":"..."}} or a next form);
 * the dialog stays open only when the integration reported errors or sent another form. Other
 * statuses fail as the server reports them: 429 and 503 kept, other 5xx as 502, the rest 400.
 */
final class DialogSubmitter {
    private final DialogStore dialogs;
    private final IntegrationClient client;

    DialogSubmitter(DialogStore dialogs, IntegrationClient client) {
        this.dialogs = dialogs;
        this.client = client;
    }

    IntegrationResult submit(OpenDialog dialog, JsonNode submission, boolean cancelled) throws InterruptedException {
        ObjectNode payload = Json.object();
        payload.put("type", "dialog_submission");
        payload.put("callback_id", dialog.dialog().path("callback_id").asString(""));
        payload.put("state", dialog.dialog().path("state").asString(""));
        payload.put("user_id", dialog.userId());
        payload.put("channel_id", dialog.channelId());
        payload.put("team_id", dialog.teamId());
        payload.set("submission", submission == null || submission.isNull() ? Json.object() : submission.deepCopy());
        payload.put("cancelled", cancelled);
        HttpRequest request = client.request(URI.create(dialog.url()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.write(payload)))
                .build();
        IntegrationClient.Reply reply;
        try {
            reply = client.send(request);
        } catch (IOException | IllegalArgumentException e) {
            return IntegrationResult.error(actionFailed(400));
        }
        if (reply.status() != 200) {
            int status = reply.status() == 429 || reply.status() == 503 ? reply.status()
                    : reply.status() >= 500 ? 502 : 400;
            return IntegrationResult.error(actionFailed(status));
        }
        JsonNode body;
        try {
            body = reply.body().length == 0 ? Json.MAPPER.nullNode() : Json.parse(reply.body());
        } catch (JacksonException e) {
            return IntegrationResult.error(new AppError(400, "api.dialog.submit.invalid_response.app_error",
                    "The integration's reply to the dialog submission is not valid JSON."));
        }
        boolean staysOpen = body.has("errors") || body.has("error") || "form".equals(body.path("type").asString(""));
        if (!staysOpen || cancelled) {
            dialogs.close(dialog.id());
        }
        return new IntegrationResult(200, body);
    }

    private static AppError actionFailed(int status) {
        return new AppError(status, "api.post.do_action.action_integration.app_error", "Action integration error.");
    }
}
