package io.teamsbridge.emulators.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The toolkit's server: routing, errors, limits, interceptors, stats, and WebSocket routes on the same port. */
class EmulatorServerTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final AtomicBoolean REFUSE = new AtomicBoolean();
    private static final AtomicInteger CLOSES = new AtomicInteger();
    private static final BlockingQueue<String> SERVER_SAW = new LinkedBlockingQueue<>();
    private static EmulatorServer server;

    @BeforeAll
    static void start() {
        Router router = new Router()
                .post("/things/{id}", request -> Response.json(201, Map.of(
                        "id", request.pathParam("id"),
                        "q", request.queryParam("q").orElse(""),
                        "header", request.header("X-Custom").orElse(""),
                        "body", request.bodyText(),
                        "template", request.template())))
                .get("/boom", request -> {
                    throw new IllegalStateException("kaput");
                })
                .get("/_sandbox/state", request -> Response.text(200, "control"))
                .webSocket("/socket", request -> Response.text(400, "plain"), request -> {
                    if (request.queryParam("deny").isPresent()) {
                        throw new HttpError(403, "denied", "Not you.");
                    }
                    return new Echo();
                });
        ErrorRenderer errors = (request, error) -> Response.json(error.status(),
                Map.of("code", error.code(), "message", error.getMessage()));
        server = new EmulatorServer("Test", 0, router, errors)
                .addInterceptor(request -> REFUSE.get() ? Optional.of(Response.text(503, "refused")) : Optional.empty())
                .start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Echoes each message back upper-cased; "bye" makes the server close with 4000. */
    private static final class Echo implements WebSocketListener {
        private WebSocketConnection connection;

        @Override
        public void onOpen(WebSocketConnection opened) {
            connection = opened;
        }

        @Override
        public void onText(String text) {
            SERVER_SAW.add(text);
            if (text.equals("bye")) {
                connection.close(4000, "bye");
            } else {
                connection.sendText(text.toUpperCase());
            }
        }

        @Override
        public void onClose() {
            CLOSES.incrementAndGet();
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI url(String path) {
        return server.baseUrl().resolve(path);
    }

    @Test
    void aRequestReachesItsHandlerWithParamsQueryHeadersAndBody() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/things/a%20b?q=x%26y"))
                .header("X-Custom", "yes")
                .POST(HttpRequest.BodyPublishers.ofString("hello")));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("Server")).isEmpty();
        assertThat(response.body()).contains("\"id\":\"a b\"", "\"q\":\"x&y\"", "\"header\":\"yes\"",
                "\"body\":\"hello\"", "\"template\":\"/things/{id}\"");
        assertThat(server.stats().count("POST /things/{id}")).isPositive();
    }

    @Test
    void unknownPathsWrongMethodsFailingHandlersAndHugeBodiesAreRenderedErrors() throws Exception {
        HttpResponse<String> unknown = send(HttpRequest.newBuilder(url("/nothing")).GET());
        HttpResponse<String> wrongMethod = send(HttpRequest.newBuilder(url("/things/1")).GET());
        HttpResponse<String> failing = send(HttpRequest.newBuilder(url("/boom")).GET());
        HttpResponse<String> huge = send(HttpRequest.newBuilder(url("/things/1"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[8 * 1024 * 1024 + 1])));

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("\"code\":\"not_found\"");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(failing.statusCode()).isEqualTo(500);
        assertThat(failing.body()).contains("\"code\":\"internal\"").doesNotContain("at io.teamsbridge");
        assertThat(huge.statusCode()).isEqualTo(413);
    }

    @Test
    void interceptorsAnswerForRoutedRequestsButNeverForTheControlApi() throws Exception {
        REFUSE.set(true);
        try {
            HttpResponse<String> routed = send(HttpRequest.newBuilder(url("/things/1"))
                    .POST(HttpRequest.BodyPublishers.ofString("")));
            HttpResponse<String> control = send(HttpRequest.newBuilder(url("/_sandbox/state")).GET());

            assertThat(routed.statusCode()).isEqualTo(503);
            assertThat(control.statusCode()).isEqualTo(200);
            assertThat(control.body()).isEqualTo("control");
            assertThat(server.stats().count("GET /_sandbox/state")).isZero();
        } finally {
            REFUSE.set(false);
        }
    }

    @Test
    void aWebSocketRouteUpgradesOnTheSamePortAndAPlainGetGetsThePlainAnswer() throws Exception {
        HttpResponse<String> plain = send(HttpRequest.newBuilder(url("/socket")).GET());
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        int closesBefore = CLOSES.get();

        WebSocket socket = HTTP.newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/socket"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        received.add(data.toString());
                        webSocket.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        closed.complete(statusCode);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        socket.sendText("hello", true).join();
        String echoed = received.poll(10, TimeUnit.SECONDS);
        socket.sendText("bye", true).join();
        int closeCode = closed.get(10, TimeUnit.SECONDS);

        assertThat(plain.statusCode()).isEqualTo(400);
        assertThat(plain.body()).isEqualTo("plain");
        assertThat(echoed).isEqualTo("HELLO");
        assertThat(closeCode).isEqualTo(4000);
        assertThat(SERVER_SAW).contains("hello", "bye");
        assertThat(server.stats().count("GET /socket")).isGreaterThanOrEqualTo(2);
        socket.abort();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(CLOSES.get()).isEqualTo(closesBefore + 1));
    }

    @Test
    void anUpgradeAnInterceptorOrTheEndpointRefusesIsAnsweredWithTheirStatus() {
        REFUSE.set(true);
        int refusedByInterceptor;
        try {
            refusedByInterceptor = handshakeStatus("/socket");
        } finally {
            REFUSE.set(false);
        }

        assertThat(refusedByInterceptor).isEqualTo(503);
        assertThat(handshakeStatus("/socket?deny=1")).isEqualTo(403);
    }

    private static int handshakeStatus(String path) {
        CompletionException refused = catchThrowableOfType(CompletionException.class, () -> HTTP.newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + path), new WebSocket.Listener() {})
                .join());
        assertThat(refused).isNotNull();
        assertThat(refused.getCause()).isInstanceOf(WebSocketHandshakeException.class);
        HttpResponse<?> response = ((WebSocketHandshakeException) refused.getCause()).getResponse();
        return response.statusCode();
    }

    @Test
    void theBaseUrlIsLoopbackOnTheBoundPort() {
        assertThat(server.baseUrl().toString()).isEqualTo("http://127.0.0.1:" + server.port());
        assertThat(server.port()).isPositive();
    }
}
