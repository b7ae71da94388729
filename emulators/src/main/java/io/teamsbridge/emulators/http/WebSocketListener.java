package io.teamsbridge.emulators.http;

/**
 * One accepted WebSocket connection, as the emulated service sees it. Calls for one connection
 * never overlap: {@link #onOpen} first, then each text message in order, then {@link #onClose}
 * exactly once, whoever closed it and however (close frame, network failure, idle timeout).
 */
public interface WebSocketListener {
    void onOpen(WebSocketConnection connection);

    void onText(String text);

    void onClose();
}
