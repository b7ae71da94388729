package io.teamsbridge.emulators.mattermost;

import io.teamsbridge.emulators.http.Request;
import io.teamsbridge.emulators.http.Response;

/** {@code POST /posts/{post_id}/actions/{action_id}}: the signed-in user clicks a message button. */
final class PostActionRoutes {
    private final PostActions actions;

    PostActionRoutes(PostActions actions) {
        this.actions = actions;
    }

    void register(ApiRouter api) {
        api.post("/posts/{post_id}/actions/{action_id}", this::click);
    }

    private Response click(Request request, Caller caller) throws InterruptedException {
        String selected = request.body().length == 0 ? ""
                : JsonBody.object(request, "post_action").string("selected_option");
        IntegrationResult result = actions.click(caller.user(), request.pathParam("post_id"),
                request.pathParam("action_id"), selected);
        return Wire.json(result.status(), result.response());
    }
}
