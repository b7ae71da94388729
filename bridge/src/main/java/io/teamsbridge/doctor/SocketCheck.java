package io.teamsbridge.doctor;

import io.teamsbridge.config.MattermostProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Mattermost's WebSocket, which replies arrive on: the bot connects with its token and Mattermost
 * says hello. A reverse proxy that does not pass WebSocket upgrades is the usual reason it fails.
 */
final class SocketCheck implements Check {
    private static final String NAME = "Mattermost WebSocket";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final HttpClient http;
    private final MattermostProperties settings;

    SocketCheck(HttpClient http, MattermostProperties settings) {
        this.http = http;
        this.settings = settings;
    }

    @Override
    public List<Finding> run() {
        URI uri = URI.create(settings.base().replaceFirst("^http", "ws") + "/api/v4/websocket");
        CompletableFuture<String> hello = new CompletableFuture<>();
        WebSocket socket = null;
        try {
            socket = http.newWebSocketBuilder().header("Authorization", "Bearer " + settings.botToken())
                    .connectTimeout(WAIT).buildAsync(uri, new HelloListener(hello)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            return List.of(Finding.pass(NAME, "Mattermost said hello at " + uri + hello.get(WAIT.toSeconds(), TimeUnit.SECONDS)));
        } catch (ExecutionException | TimeoutException e) {
            String why = e instanceof TimeoutException ? "no hello within " + WAIT.toSeconds() + " s"
                    : Messages.firstLine(e.getCause() == null ? e : e.getCause());
            return List.of(Finding.fail(NAME, "the bot could not listen at " + uri + ": " + why,
                    "replies from Mattermost arrive there: let the reverse proxy in front of Mattermost pass WebSocket "
                            + "upgrades (the Upgrade and Connection headers) for /api/v4/websocket, or set "
                            + "replies.enabled to false"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of(Finding.fail(NAME, "interrupted", "run doctor again"));
        } finally {
            if (socket != null) {
                socket.abort();
            }
        }
    }

    /** Completes with a short note once a {@code hello} event arrives; fails when the socket ends first. */
    private record HelloListener(CompletableFuture<String> hello) implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            if (data.toString().contains("\"event\":\"hello\"")) {
                hello.complete("");
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            hello.completeExceptionally(new IllegalStateException("Mattermost closed the socket (" + statusCode + ") before "
                    + "saying hello: is mattermost.bot-token valid?"));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            hello.completeExceptionally(error);
        }
    }
}
