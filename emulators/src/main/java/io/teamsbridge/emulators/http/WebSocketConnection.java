package io.teamsbridge.emulators.http;

/**
 * The server's end of an open WebSocket. Sends are asynchronous and go out in the order they were
 * called; a send on a connection that is gone is dropped. Thread-safe.
 */
public interface WebSocketConnection {
    void sendText(String text);

    void sendPing();

    /** Closes with a close frame carrying the status code and reason. */
    void close(int statusCode, String reason);

    /**
     * Drops the TCP connection without a close frame, as a network failure or a server that goes
     * away does; the client sees an abnormal closure (1006).
     */
    void disconnect();

    boolean isOpen();
}
