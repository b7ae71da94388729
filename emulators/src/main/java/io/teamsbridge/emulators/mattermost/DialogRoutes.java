package io.teamsbridge.emulators.mattermost;

import io.teamsbridge.emulators.http.Request;
import io.teamsbridge.emulators.http.Response;

/**
 * {@code POST /actions/dialogs/open}: no session, the trigger id from a command execution is the
 * credential and must be younger than {@code OutgoingIntegrationRequestsTimeout}. The dialog is
 * kept for its user until the control API submits or cancels it.
 */
final class DialogRoutes {
    private final DialogStore dialogs;
    private final ServerConfig config;

    DialogRoutes(DialogStore dialogs, ServerConfig config) {
        this.dialogs = dialogs;
        this.config = config;
    }

    void register(ApiRouter api) {
        api.anonymous("POST", "/actions/dialogs/open", this::open);
    }

    private Response open(Request request) {
        JsonBody body = JsonBody.object(request, "dialog");
        String url = body.string("url");
        if (url.isEmpty()) {
            throw AppError.invalidBodyParam("url");
        }
        DialogStore.Trigger trigger = dialogs.requireFresh(body.string("trigger_id"),
                config.current().integrationTimeoutMillis());
        JsonBody dialog = body.child("dialog");
        if (dialog.string("title").isEmpty()) {
            throw new AppError(400, "interactive_message.open_dialog.invalid",
                    "Invalid dialog: a title is required.");
        }
        dialogs.open(trigger, url, dialog.node());
        return Wire.statusOk();
    }
}
