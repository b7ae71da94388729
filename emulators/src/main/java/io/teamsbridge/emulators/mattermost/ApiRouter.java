package io.teamsbridge.emulators.mattermost;

import io.teamsbridge.emulators.http.Handler;
import io.teamsbridge.emulators.http.Request;
import io.teamsbridge.emulators.http.Response;
import io.teamsbridge.emulators.http.Router;
import io.teamsbridge.emulators.http.WebSocketEndpoint;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Registers {@code /api/v4} routes on the toolkit's router. Most routes need a session, as the
 * server's {@code APISessionRequired} does: those get the authenticated {@link Caller}. Every
 * route's responses are passed through the rate limiter so they carry its headers.
 */
final class ApiRouter {
    static final String PREFIX = "/api/v4";

    /** A handler for a route that requires a session. */
    @FunctionalInterface
    interface SessionHandler {
        Response handle(Request request, Caller caller) throws Exception;
    }

    private final Router router;
    private final Authenticator authenticator;
    private final RateLimitInterceptor rateLimits;

    ApiRouter(Router router, Authenticator authenticator, RateLimitInterceptor rateLimits) {
        this.router = router;
        this.authenticator = authenticator;
        this.rateLimits = rateLimits;
    }

    ApiRouter get(String path, SessionHandler handler) {
        return session("GET", path, handler);
    }

    ApiRouter post(String path, SessionHandler handler) {
        return session("POST", path, handler);
    }

    ApiRouter put(String path, SessionHandler handler) {
        return session("PUT", path, handler);
    }

    ApiRouter delete(String path, SessionHandler handler) {
        return session("DELETE", path, handler);
    }

    /** A route that needs no session (ping, client config, opening a dialog by trigger id). */
    ApiRouter anonymous(String method, String path, Handler handler) {
        router.route(method, PREFIX + path, rateLimits.reporting(handler));
        return this;
    }

    /**
     * The WebSocket route: needs no session (a client may authenticate after the upgrade). A GET
     * without an upgrade gets what the server's WebSocket library answers, a plain-text 400.
     */
    ApiRouter webSocket(String path, WebSocketEndpoint endpoint) {
        router.webSocket(PREFIX + path, rateLimits.reporting(request -> new Response(400,
                Map.of("Content-Type", "text/plain; charset=utf-8", "X-Content-Type-Options", "nosniff",
                        Wire.REQUEST_ID, Ids.newId()),
                "Bad Request\n".getBytes(StandardCharsets.UTF_8))), endpoint);
        return this;
    }

    /** A route outside {@code /api/v4} that needs no session (the {@code response_url} hooks). */
    ApiRouter anonymousOutsideApi(String method, String fullPath, Handler handler) {
        router.route(method, fullPath, rateLimits.reporting(handler));
        return this;
    }

    private ApiRouter session(String method, String path, SessionHandler handler) {
        Handler authenticated = request -> handler.handle(request, authenticator.require(request));
        router.route(method, PREFIX + path, rateLimits.reporting(authenticated));
        return this;
    }
}
