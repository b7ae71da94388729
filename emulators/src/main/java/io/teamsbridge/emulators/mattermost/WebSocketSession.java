package io.teamsbridge.emulators.mattermost;

import io.teamsbridge.emulators.http.WebSocketConnection;
import io.teamsbridge.emulators.http.WebSocketListener;
import java.time.Duration;

/**
 * One socket on {@code /api/v4/websocket}. An authenticated socket joins the hub when it opens
 * (fresh, or resuming its connection); an unauthenticated one joins when its
 * {@code authentication_challenge} succeeds, and is dropped if that has not happened within
 * {@link #AUTH_TIMEOUT} ({@code authCheckInterval}). Its messages go to {@link WebSocketActions}.
 * The hub's timer reads {@link #conn} from another thread, hence {@code volatile}.
 */
final class WebSocketSession implements WebSocketListener {
    static final Duration AUTH_TIMEOUT = Duration.ofSeconds(5);

    private final WebSocketHub hub;
    private final WebSocketActions actions;
    private final User upgradedAs;
    private final String connectionId;
    private final String sequenceNumber;
    private volatile WebSocketConnection socket;
    private volatile WebConn conn;
    private volatile User user;

    /**
     * @param upgradedAs the user whose token came with the upgrade request, or null
     * @param sequenceNumber the {@code sequence_number} query parameter, or null when absent
     */
    WebSocketSession(WebSocketHub hub, WebSocketActions actions, User upgradedAs, String connectionId,
            String sequenceNumber) {
        this.hub = hub;
        this.actions = actions;
        this.upgradedAs = upgradedAs;
        this.connectionId = connectionId;
        this.sequenceNumber = sequenceNumber;
    }

    @Override
    public void onOpen(WebSocketConnection opened) {
        this.socket = opened;
        if (upgradedAs == null) {
            hub.later(AUTH_TIMEOUT, () -> {
                if (conn == null) {
                    opened.disconnect();
                }
            });
            return;
        }
        conn = hub.connect(upgradedAs, connectionId, sequenceNumber, opened).orElse(null);
        if (conn == null) {
            opened.disconnect();
            return;
        }
        user = upgradedAs;
    }

    @Override
    public void onText(String text) {
        actions.handle(this, text);
    }

    @Override
    public void onClose() {
        WebConn current = conn;
        if (current != null) {
            hub.detach(current, socket);
        }
    }

    boolean isAuthenticated() {
        return conn != null;
    }

    /** The user of an authenticated session, as they were when it connected. */
    User user() {
        return user;
    }

    /** A successful {@code authentication_challenge}: a fresh connection, and its {@code hello}. */
    void authenticate(User authenticated) {
        user = authenticated;
        conn = hub.connectFresh(authenticated, socket);
    }

    /** Replies reach only authenticated sessions: the server's hub drops them for the others. */
    void reply(String json) {
        WebConn current = conn;
        if (current != null) {
            current.reply(socket, json);
        }
    }

    /** Closes the socket without a close frame, as the server's {@code WebSocket.Close()} does. */
    void drop() {
        socket.disconnect();
    }
}
