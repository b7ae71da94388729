package io.teamsbridge.emulators.mattermost;

import io.teamsbridge.emulators.http.Json;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Client messages on the WebSocket ({@code WebSocketRouter.ServeWebSocket}):
 * {@code {"seq": n, "action": "...", "data": {...}}}. Each is answered with
 * {@code {"status": "OK", "seq_reply": n[, "data"]}} or
 * {@code {"status": "FAIL", "seq_reply": n, "error": AppError}} — never with a {@code seq}.
 * <ul>
 *   <li>{@code authentication_challenge} {@code {token}}: a good token connects the socket
 *       ({@code hello}, then OK); a bad or missing one closes it; once authenticated it is ignored;
 *   <li>{@code user_typing} {@code {channel_id, parent_id?}}: a {@code typing} event to the
 *       channel's other members; {@code user_update_active_status} {@code {user_is_active}};
 *       {@code ping} (data {@code text: "pong", version, server_time, node_id});
 *       {@code posted_notify_ack}: OK;
 *   <li>no action, {@code seq} not positive, an unknown action: the router's errors.
 * </ul>
 * Before authentication nothing is answered (the server's hub drops those replies); a message
 * that is not such JSON closes the socket, as the server's decoder failing does.
 */
final class WebSocketActions {
    private final Authenticator authenticator;
    private final ChannelStore channels;
    private final Permissions permissions;
    private final WebSocketHub hub;
    private final ServerConfig config;
    private final Clock clock;

    /** One decoded client message. */
    private record Action(long seq, String action, ObjectNode data) {}

    WebSocketActions(Authenticator authenticator, ChannelStore channels, Permissions permissions, WebSocketHub hub,
            ServerConfig config, Clock clock) {
        this.authenticator = authenticator;
        this.channels = channels;
        this.permissions = permissions;
        this.hub = hub;
        this.config = config;
        this.clock = clock;
    }

    void handle(WebSocketSession session, String text) {
        Optional<Action> decoded = decode(text);
        if (decoded.isEmpty()) {
            session.drop();
            return;
        }
        Action action = decoded.get();
        if (action.action().isEmpty()) {
            fail(session, action, 400, "api.web_socket_router.no_action.app_error", "No websocket action.");
            return;
        }
        if (action.seq() <= 0) {
            fail(session, action, 400, "api.web_socket_router.bad_seq.app_error",
                    "Invalid sequence for WebSocket message.");
            return;
        }
        if ("authentication_challenge".equals(action.action())) {
            challenge(session, action);
            return;
        }
        if (!session.isAuthenticated()) {
            return;
        }
        switch (action.action()) {
            case "user_typing" -> typing(session, action);
            case "user_update_active_status" -> {
                if (!action.data().path("user_is_active").isBoolean()) {
                    invalidParam(session, action, "user_is_active");
                } else {
                    ok(session, action, null);
                }
            }
            case "ping" -> {
                Map<String, Object> pong = new LinkedHashMap<>();
                pong.put("text", "pong");
                pong.put("version", config.current().version());
                pong.put("server_time", clock.millis());
                pong.put("node_id", "");
                ok(session, action, pong);
            }
            case "posted_notify_ack" -> ok(session, action, null);
            default -> fail(session, action, 500, "api.web_socket_router.bad_action.app_error",
                    "Unknown WebSocket action.");
        }
    }

    private void challenge(WebSocketSession session, Action action) {
        if (session.isAuthenticated()) {
            return;
        }
        JsonNode token = action.data().path("token");
        Optional<Caller> caller = token.isString() ? authenticator.byToken(token.stringValue()) : Optional.empty();
        if (caller.isEmpty()) {
            session.drop();
            return;
        }
        session.authenticate(caller.get().user());
        ok(session, action, null);
    }

    private void typing(WebSocketSession session, Action action) {
        String channelId = action.data().path("channel_id").asString("");
        Optional<Channel> channel = Ids.isValid(channelId) ? channels.get(channelId) : Optional.empty();
        if (channel.isEmpty() || !permissions.hasOnChannel(session.user(), channel.get(), Permission.CREATE_POST)) {
            invalidParam(session, action, "channel_id");
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("parent_id", action.data().path("parent_id").asString(""));
        data.put("user_id", session.user().id());
        hub.publish(new WebSocketEvent(WebSocketEvent.TYPING, data,
                WebSocketEvent.Broadcast.toChannel(channelId).omitting(session.user().id())));
        ok(session, action, null);
    }

    private static Optional<Action> decode(String text) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(text);
        } catch (JacksonException e) {
            return Optional.empty();
        }
        if (node == null || !node.isObject()) {
            return Optional.empty();
        }
        JsonNode seq = node.path("seq");
        JsonNode name = node.path("action");
        JsonNode data = node.path("data");
        boolean wellTyped = (seq.isMissingNode() || seq.isNull() || seq.isIntegralNumber())
                && (name.isMissingNode() || name.isNull() || name.isString())
                && (data.isMissingNode() || data.isNull() || data.isObject());
        if (!wellTyped) {
            return Optional.empty();
        }
        return Optional.of(new Action(seq.asLong(0), name.asString(""),
                data.isObject() ? (ObjectNode) data : Json.object()));
    }

    private static void ok(WebSocketSession session, Action action, Map<String, Object> data) {
        ObjectNode reply = Json.object();
        reply.put("status", "OK");
        putSeqReply(reply, action);
        if (data != null) {
            reply.set("data", Json.MAPPER.valueToTree(data));
        }
        session.reply(reply.toString());
    }

    /** {@code seq_reply} is {@code omitempty} in the server's struct. */
    private static void putSeqReply(ObjectNode reply, Action action) {
        if (action.seq() != 0) {
            reply.put("seq_reply", action.seq());
        }
    }

    private static void invalidParam(WebSocketSession session, Action action, String name) {
        fail(session, action, 400, "api.websocket_handler.invalid_param.app_error", "Invalid " + name + " parameter.");
    }

    private static void fail(WebSocketSession session, Action action, int status, String id, String message) {
        ObjectNode reply = Json.object();
        reply.put("status", "FAIL");
        putSeqReply(reply, action);
        ObjectNode error = reply.putObject("error");
        error.put("id", id);
        error.put("message", message);
        error.put("detailed_error", "");
        error.put("status_code", status);
        session.reply(reply.toString());
    }
}
