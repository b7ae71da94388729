package io.teamsbridge.emulators.mattermost;

import io.teamsbridge.emulators.http.Request;
import io.teamsbridge.emulators.http.WebSocketEndpoint;
import io.teamsbridge.emulators.http.WebSocketListener;
import java.time.Duration;

/**
 * {@code GET /api/v4/websocket} ({@code connectWebSocket}): every upgrade is accepted. A request
 * that carries a working token (Bearer or Token header, cookie, {@code access_token}) is connected
 * at once and may resume with {@code connection_id} and {@code sequence_number}; one with no
 * token, or a token that does not work, is upgraded unauthenticated and must send
 * {@code authentication_challenge} within five seconds. Client messages are at most 8 KiB
 * ({@code SocketMaxMessageSizeKb}); a socket silent for 100 s is closed ({@code pongWaitTime}).
 */
final class WebSocketRoute implements WebSocketEndpoint {
    private final Authenticator authenticator;
    private final WebSocketHub hub;
    private final WebSocketActions actions;

    WebSocketRoute(Authenticator authenticator, WebSocketHub hub, WebSocketActions actions) {
        this.authenticator = authenticator;
        this.hub = hub;
        this.actions = actions;
    }

    void register(ApiRouter api) {
        api.webSocket("/websocket", this);
    }

    @Override
    public WebSocketListener accept(Request request) {
        User user = authenticator.find(request).map(Caller::user).orElse(null);
        return new WebSocketSession(hub, actions, user, request.queryParam("connection_id").orElse(""),
                request.queryParam("sequence_number").orElse(null));
    }

    @Override
    public Duration idleTimeout() {
        return Duration.ofSeconds(100);
    }

    @Override
    public int maxTextMessageBytes() {
        return 8 * 1024;
    }
}
