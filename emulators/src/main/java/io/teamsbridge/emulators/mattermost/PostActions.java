package io.teamsbridge.emulators.mattermost;

import io.teamsbridge.emulators.http.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A user clicking a message button (or choosing a menu option), as {@code DoPostActionWithCookie}:
 * the action's {@code integration.url} gets a JSON POST, with no auth header, of
 * {@code {user_id, user_name, channel_id, channel_name, team_id, team_domain, post_id, trigger_id,
 * type, data_source, context}}; its reply may {@code update} the post and show
 * {@code ephemeral_text} to the user. The trigger id can open a dialog.
 */
final class PostActions {
    private final PostStore posts;
    private final ChannelStore channels;
    private final TeamStore teams;
    private final DialogStore dialogs;
    private final IntegrationClient client;
    private final Clock clock;

    PostActions(PostStore posts, ChannelStore channels, TeamStore teams, DialogStore dialogs, IntegrationClient client,
            Clock clock) {
        this.posts = posts;
        this.channels = channels;
        this.teams = teams;
        this.dialogs = dialogs;
        this.client = client;
        this.clock = clock;
    }

    /** Runs the click; errors come back as the result the user would get, not as exceptions. */
    IntegrationResult click(User user, String postId, String actionId, String selectedOption)
            throws InterruptedException {
        try {
            return run(user, postId, actionId, selectedOption);
        } catch (AppError e) {
            return IntegrationResult.error(e);
        }
    }

    private IntegrationResult run(User user, String postId, String actionId, String selectedOption)
            throws InterruptedException {
        // An ephemeral post is not stored by the server; the client sends it along (the post cookie).
        Optional<Post> shown = posts.ephemeral(user.id(), postId);
        Post post = shown.isPresent() ? shown.get() : posts.requireLive(postId);
        Channel channel = channels.require(post.channelId());
        if (!channels.isMember(channel.id(), user.id())) {
            throw AppError.permission();
        }
        JsonNode action = findAction(post, actionId).orElseThrow(() -> new AppError(404,
                "api.post.do_action.action_id.app_error", "Invalid action id."));
        String url = action.path("integration").path("url").asString("");
        if (url.isEmpty()) {
            throw new AppError(404, "api.post.do_action.action_id.app_error", "Invalid action id.");
        }
        ObjectNode context = action.path("integration").path("context").isObject()
                ? (ObjectNode) action.path("integration").path("context").deepCopy() : Json.object();
        if (selectedOption != null && !selectedOption.isEmpty()) {
            context.put("selected_option", selectedOption);
        }
        Optional<Team> team = teams.get(channel.teamId());
        ObjectNode request = Json.object();
        request.put("user_id", user.id());
        request.put("user_name", user.username());
        request.put("channel_id", channel.id());
        request.put("channel_name", channel.name());
        request.put("team_id", team.map(Team::id).orElse(""));
        request.put("team_domain", team.map(Team::name).orElse(""));
        request.put("post_id", post.id());
        request.put("trigger_id", dialogs.issueTrigger(user.id(), channel.id(), team.map(Team::id).orElse("")));
        request.put("type", action.path("type").asString(""));
        request.put("data_source", action.path("data_source").asString(""));
        request.set("context", context);
        IntegrationClient.Reply reply;
        try {
            reply = client.send(client.request(URI.create(url)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Json.write(request))).build());
        } catch (IOException | IllegalArgumentException e) {
            throw integrationError(400);
        }
        if (reply.status() != 200) {
            throw integrationError(reply.status() == 429 || reply.status() == 503 ? reply.status()
                    : reply.status() >= 500 ? 502 : 400);
        }
        JsonNode response;
        try {
            response = reply.body().length == 0 ? Json.object() : Json.parse(reply.body());
        } catch (JacksonException e) {
            throw integrationError(400);
        }
        apply(user, post, response, shown.isPresent());
        ObjectNode ok = Json.object();
        ok.put("status", "OK");
        ok.put("goto_location", response.path("goto_location").asString(""));
        return new IntegrationResult(200, ok);
    }

    private void apply(User user, Post post, JsonNode response, boolean shownOnly) {
        JsonNode update = response.path("update");
        if (update.isObject()) {
            ObjectNode props = update.path("props").isObject() ? (ObjectNode) update.get("props") : Json.object();
            Post edited = post.edited(update.path("message").asString(""), post.withServerMarks(props), post.isPinned(), clock.millis());
            if (shownOnly) {
                posts.replaceEphemeral(user.id(), edited);
            } else {
                posts.replace(edited);
            }
        }
        String ephemeral = response.path("ephemeral_text").asString("");
        if (!ephemeral.isEmpty()) {
            String text = response.path("skip_slack_parsing").asBoolean(false) ? ephemeral
                    : CommandResponseApplier.slackToMarkdown(ephemeral);
            long now = clock.millis();
            posts.addEphemeral(user.id(), new Post(Ids.newId(), now, now, 0, 0, false, user.id(), post.channelId(),
                    post.rootId(), "", text, Post.EPHEMERAL, Json.object(), "", List.of(), "", 0, 0, Json.object()));
        }
    }

    private static Optional<JsonNode> findAction(Post post, String actionId) {
        for (JsonNode attachment : post.props().path("attachments").values()) {
            for (JsonNode action : attachment.path("actions").values()) {
                if (actionId.equals(action.path("id").asString(""))) {
                    return Optional.of(action);
                }
            }
        }
        return Optional.empty();
    }

    private static AppError integrationError(int status) {
        return new AppError(status, "api.post.do_action.action_integration.app_error", "Action integration error.");
    }
}
