package io.teamsbridge.emulators.mattermost;

import static org.assertj.core.api.Assertions.fail;

import io.teamsbridge.emulators.http.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.databind.JsonNode;

/**
 * A WebSocket client for the emulator's {@code /api/v4/websocket}, on the JDK's
 * {@link java.net.http.WebSocket}: it keeps every text frame it receives, in order, and tests wait
 * for the next one (a positive signal), never for time to pass.
 */
final class WsClient implements WebSocket.Listener, AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    /** Connects with {@code Authorization: Bearer <token>} (none when null) and the query (none when null). */
    static WsClient connect(URI emulator, String token, String query) {
        WsClient client = new WsClient();
        WebSocket.Builder builder = HTTP.newWebSocketBuilder();
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        URI uri = URI.create("ws://127.0.0.1:" + emulator.getPort() + "/api/v4/websocket"
                + (query == null ? "" : "?" + query));
        try {
            client.socket = builder.buildAsync(uri, client).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("WebSocket upgrade to " + uri + " failed: " + e, e);
        }
        return client;
    }

    static WsClient connect(URI emulator, String token) {
        return connect(emulator, token, null);
    }

    /** Reconnects as a reliable-WebSocket client does after losing its connection. */
    static WsClient resume(URI emulator, String token, String connectionId, long sequenceNumber) {
        return connect(emulator, token, "connection_id=" + connectionId + "&sequence_number=" + sequenceNumber);
    }

    /** The next frame, waiting for it up to ten seconds; fails the test when none comes. */
    JsonNode next() {
        try {
            JsonNode frame = frames.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            if (frame == null) {
                fail("no WebSocket frame arrived within " + WAIT.toSeconds() + " s");
            }
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next frame, which must be an event of this type. */
    JsonNode nextEvent(String type) {
        JsonNode frame = next();
        if (!type.equals(frame.path("event").asString(""))) {
            fail("expected a " + type + " event but got " + frame);
        }
        return frame;
    }

    /** The {@code data.post} of the next frame, which must be this event, parsed from its string. */
    JsonNode nextPost(String type) {
        return Json.parse(nextEvent(type).get("data").get("post").stringValue().getBytes(StandardCharsets.UTF_8));
    }

    void send(Object message) {
        String text = message instanceof String s ? s : new String(Json.write(message), StandardCharsets.UTF_8);
        socket.sendText(text, true).join();
    }

    /** Waits until the server has closed the connection (or dropped it); the close code, or -1 for a drop. */
    int awaitClosed() {
        try {
            return closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            return fail("the server did not close the WebSocket within " + WAIT.toSeconds() + " s");
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            frames.add(Json.parse(partial.toString().getBytes(StandardCharsets.UTF_8)));
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(-1);
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.abort();
        }
    }
}
