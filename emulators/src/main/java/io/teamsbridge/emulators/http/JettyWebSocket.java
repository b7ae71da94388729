package io.teamsbridge.emulators.http;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adapts a Jetty WebSocket session to the toolkit's {@link WebSocketListener} and
 * {@link WebSocketConnection}, so no emulator sees Jetty types. Jetty delivers one session's
 * events one at a time; {@link #closed} makes sure {@code onClose} runs once although Jetty may
 * report both an error and the closure. Public only because Jetty finds the listener methods
 * through a public lookup; nothing outside this package can make one.
 */
public final class JettyWebSocket implements Session.Listener.AutoDemanding {
    private static final Logger log = LoggerFactory.getLogger(JettyWebSocket.class);

    private final WebSocketEndpoint endpoint;
    private final WebSocketListener listener;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Session session;

    JettyWebSocket(WebSocketEndpoint endpoint, WebSocketListener listener) {
        this.endpoint = endpoint;
        this.listener = listener;
    }

    @Override
    public void onWebSocketOpen(Session opened) {
        this.session = opened;
        opened.setIdleTimeout(endpoint.idleTimeout());
        opened.setMaxTextMessageSize(endpoint.maxTextMessageBytes());
        try {
            listener.onOpen(new Connection(opened));
        } catch (RuntimeException e) {
            log.warn("WebSocket listener failed to open a connection from {}; dropping it", opened.getRemoteSocketAddress(), e);
            opened.disconnect();
        }
    }

    @Override
    public void onWebSocketText(String message) {
        try {
            listener.onText(message);
        } catch (RuntimeException e) {
            log.warn("WebSocket listener failed on a message from {}; dropping the connection",
                    session.getRemoteSocketAddress(), e);
            session.disconnect();
        }
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        log.debug("WebSocket connection failed: {}", cause.toString());
        closed();
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        closed();
        callback.succeed();
    }

    private void closed() {
        if (closed.compareAndSet(false, true)) {
            listener.onClose();
        }
    }

    private record Connection(Session session) implements WebSocketConnection {
        @Override
        public void sendText(String text) {
            session.sendText(text, Callback.NOOP);
        }

        @Override
        public void sendPing() {
            session.sendPing(ByteBuffer.allocate(0), Callback.NOOP);
        }

        @Override
        public void close(int statusCode, String reason) {
            session.close(statusCode, reason, Callback.NOOP);
        }

        @Override
        public void disconnect() {
            session.disconnect();
        }

        @Override
        public boolean isOpen() {
            return session.isOpen();
        }
    }
}
