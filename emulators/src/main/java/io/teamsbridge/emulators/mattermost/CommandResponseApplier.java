package io.teamsbridge.emulators.mattermost;

import io.teamsbridge.emulators.http.Json;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies an integration's reply to a slash command like {@code DoCommandRequest} and
 * {@code HandleCommandResponse}: a non-200 status is an error shown to the user; a body whose
 * content type is not {@code application/json} becomes the response text; the response (and each
 * of its {@code extra_responses}) is posted as the invoking user with {@code from_webhook=true}:
 * in the channel for {@code in_channel}, as an ephemeral post otherwise.
 */
final class CommandResponseApplier {
    private static final Pattern SLACK_LINK = Pattern.compile("<(https?://[^|>\\s]+)\\|([^>]+)>");
    private static final Pattern SLACK_BARE_LINK = Pattern.compile("<(https?://[^|>\\s]+)>");
    private static final Pattern SLACK_SPECIAL = Pattern.compile("<!(channel|here|all)>");
    private static final String[] STRING_FIELDS = {"response_type", "text", "username", "channel_id", "icon_url",
            "type", "goto_location"};

    private final PostCreator creator;
    private final PostStore posts;
    private final ChannelStore channels;
    private final ServerConfig config;
    private final Clock clock;

    CommandResponseApplier(PostCreator creator, PostStore posts, ChannelStore channels, ServerConfig config,
            Clock clock) {
        this.creator = creator;
        this.posts = posts;
        this.channels = channels;
        this.config = config;
        this.clock = clock;
    }

    IntegrationResult apply(CommandScopes.Scope scope, Command command, String clientTriggerId,
            IntegrationClient.Reply reply) {
        if (reply.status() != 200) {
            return IntegrationResult.error(new AppError(500, "api.command.execute_command.failed_resp.app_error",
                    "Command with a trigger of '" + command.trigger() + "' returned response " + statusLine(reply.status())
                            + "."));
        }
        ObjectNode response;
        try {
            response = parse(reply.contentType(), reply.body());
        } catch (IllegalArgumentException e) {
            return IntegrationResult.error(failed(command));
        }
        return handle(scope, command, normalize(response, clientTriggerId));
    }

    /**
     * {@code HandleCommandResponse}: posts the response and its extra responses; the result is the
     * response, or the error shown when one of them could not be posted.
     */
    IntegrationResult handle(CommandScopes.Scope scope, Command command, ObjectNode normalized) {
        List<ObjectNode> toPost = new ArrayList<>();
        toPost.add(normalized);
        for (JsonNode extra : normalized.path("extra_responses").values()) {
            if (extra.isObject()) {
                toPost.add(normalize((ObjectNode) extra, ""));
            }
        }
        boolean failedPost = false;
        for (ObjectNode each : toPost) {
            try {
                post(scope, command, each);
            } catch (AppError e) {
                failedPost = true;
            }
        }
        if (failedPost) {
            return IntegrationResult.error(new AppError(500, "api.command.execute_command.create_post_failed.app_error",
                    "Command '" + command.trigger() + "' failed to post response. Please contact your System Administrator."));
        }
        return new IntegrationResult(200, normalized);
    }

    static AppError failed(Command command) {
        return new AppError(500, "api.command.execute_command.failed.app_error",
                "Command with a trigger of '" + command.trigger() + "' failed.");
    }

    /**
     * {@code CommandResponseFromHTTPBody}: JSON only for an {@code application/json} content type,
     * otherwise the body is the text. Throws {@link IllegalArgumentException} for a bad JSON body.
     */
    static ObjectNode parse(String contentType, byte[] body) {
        String mediaType = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            ObjectNode text = Json.object();
            text.put("text", new String(body, StandardCharsets.UTF_8));
            return text;
        }
        JsonNode parsed;
        try {
            parsed = Json.parse(body);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the command response is not valid JSON", e);
        }
        if (parsed.isNull()) {
            return Json.object();
        }
        if (!parsed.isObject()) {
            throw new IllegalArgumentException("a command response must be a JSON object");
        }
        for (String field : STRING_FIELDS) {
            if (parsed.has(field) && !parsed.get(field).isNull() && !parsed.get(field).isString()) {
                throw new IllegalArgumentException(field + " must be a string");
            }
        }
        return (ObjectNode) parsed;
    }

    /**
     * The response as the server returns it to its client: every {@code CommandResponse} field,
     * Slack markup converted unless {@code skip_slack_parsing}, and {@code response_type} made
     * explicit (the server leaves it empty but treats empty as ephemeral).
     */
    static ObjectNode normalize(ObjectNode in, String triggerId) {
        ObjectNode out = Json.object();
        String type = text(in, "response_type");
        out.put("response_type", type.isEmpty() ? "ephemeral" : type);
        boolean skipSlack = in.path("skip_slack_parsing").asBoolean(false);
        String message = text(in, "text");
        out.put("text", skipSlack ? message : slackToMarkdown(message));
        for (String field : new String[] {"username", "channel_id", "icon_url", "type"}) {
            out.put(field, text(in, field));
        }
        out.set("props", in.has("props") ? in.get("props").deepCopy() : Json.MAPPER.nullNode());
        out.put("goto_location", text(in, "goto_location"));
        out.put("trigger_id", triggerId);
        out.put("skip_slack_parsing", skipSlack);
        out.set("attachments", in.has("attachments") ? in.get("attachments").deepCopy() : Json.MAPPER.nullNode());
        out.set("extra_responses",
                in.has("extra_responses") ? in.get("extra_responses").deepCopy() : Json.MAPPER.nullNode());
        return out;
    }

    private void post(CommandScopes.Scope scope, Command command, ObjectNode response) {
        String channelId = scope.channel().id();
        String target = text(response, "channel_id");
        if (!target.isEmpty()) {
            if (!channels.isMember(target, scope.user().id())) {
                throw new AppError(403, "api.command.command_post.forbidden.app_error",
                        "Specified user is not a member of specified channel.");
            }
            channelId = target;
        }
        ObjectNode props = response.path("props").isObject() ? (ObjectNode) response.get("props").deepCopy()
                : Json.object();
        ServerSettings settings = config.current();
        String username = command.username().isEmpty() ? text(response, "username") : command.username();
        if (settings.enablePostUsernameOverride() && !username.isEmpty()) {
            props.put("override_username", username);
        }
        String iconUrl = command.iconUrl().isEmpty() ? text(response, "icon_url") : command.iconUrl();
        if (settings.enablePostIconOverride() && !iconUrl.isEmpty()) {
            props.put("override_icon_url", iconUrl);
        }
        props.put("from_webhook", "true");
        JsonNode attachments = response.path("attachments");
        if (attachments.isArray() && !attachments.isEmpty()) {
            props.set("attachments", attachments.deepCopy());
        }
        String message = text(response, "text");
        String type = text(response, "type");
        if ("in_channel".equals(text(response, "response_type"))) {
            creator.create(scope.user(), new PostCreator.Draft(channelId, message, "", props, List.of(), "", type));
        } else if (!message.isEmpty() || attachments.isArray()) {
            long now = clock.millis();
            posts.addEphemeral(scope.user().id(), new Post(Ids.newId(), now, now, 0, 0, false, scope.user().id(),
                    channelId, "", "", message, Post.EPHEMERAL, props, "", List.of(), "", 0, 0, Json.object()));
        }
    }

    /** A string field, or "" when absent, null or not a string (already type-checked in {@link #parse}). */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() ? value.stringValue() : "";
    }

    /** The parts of {@code ProcessSlackText} a bridge can trip over: links and channel-wide mentions. */
    static String slackToMarkdown(String text) {
        String out = SLACK_LINK.matcher(text).replaceAll("[$2]($1)");
        out = SLACK_BARE_LINK.matcher(out).replaceAll("$1");
        return SLACK_SPECIAL.matcher(out).replaceAll("@$1");
    }

    /** Go's {@code resp.Status}: the code and its reason phrase. */
    static String statusLine(int status) {
        String reason = switch (status) {
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 204 -> "No Content";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "";
        };
        return reason.isEmpty() ? Integer.toString(status) : status + " " + reason;
    }
}
