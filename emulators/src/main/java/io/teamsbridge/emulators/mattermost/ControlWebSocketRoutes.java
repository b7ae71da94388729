package io.teamsbridge.emulators.mattermost;

import io.teamsbridge.emulators.http.Request;
import io.teamsbridge.emulators.http.Response;
import io.teamsbridge.emulators.http.Router;
import java.util.Map;

/**
 * The control API's WebSocket calls, to test a client's reconnect logic:
 * <ul>
 *   <li>{@code GET /_sandbox/websockets} → {@code [{connectionId, userId, active, sequence}]}: the
 *       connections the server knows, {@code active} while a socket is attached, {@code sequence}
 *       being the {@code seq} its next event gets (so a client is connected once its user shows
 *       up active);
 *   <li>{@code POST /_sandbox/websockets/drop} {@code {forget?}} → {@code {dropped}}: closes every
 *       socket without a close frame, as a network failure does (the client sees 1006). The
 *       connections stay, so a client that reconnects with {@code connection_id} and
 *       {@code sequence_number} resumes without a {@code hello}; with {@code forget: true} they
 *       are forgotten as a server restart forgets them, and a reconnect gets a new connection id
 *       and {@code hello}.
 * </ul>
 * An action rather than one of the {@code PUT /_sandbox/faults} switches, which are states that
 * stay until replaced; {@code down} there also refuses new upgrades (with its status).
 */
final class ControlWebSocketRoutes {
    private final WebSocketHub hub;

    ControlWebSocketRoutes(WebSocketHub hub) {
        this.hub = hub;
    }

    void register(Router router) {
        router.get("/_sandbox/websockets", request -> Wire.control(200, hub.list()))
                .post("/_sandbox/websockets/drop", this::drop);
    }

    private Response drop(Request request) {
        boolean forget = request.body().length > 0 && JsonBody.object(request, "body").bool("forget");
        return Wire.control(200, Map.of("dropped", hub.drop(forget)));
    }
}
