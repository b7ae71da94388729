package io.teamsbridge.emulators.http;

import java.time.Duration;

/**
 * Where a routed WebSocket upgrade goes ({@link Router#webSocket}). The upgrade request has passed
 * the interceptors and been counted like any other request; the endpoint then decides whether to
 * upgrade: it answers the listener of the new connection, or throws {@link HttpError} to answer an
 * error instead. A listener whose upgrade fails afterwards (a malformed handshake) is never opened.
 */
@FunctionalInterface
public interface WebSocketEndpoint {
    WebSocketListener accept(Request request) throws Exception;

    /** A connection with no frame in either direction for this long is closed. */
    default Duration idleTimeout() {
        return Duration.ofMinutes(5);
    }

    /** A larger text message from the client closes the connection (status 1009). */
    default int maxTextMessageBytes() {
        return 64 * 1024;
    }
}
