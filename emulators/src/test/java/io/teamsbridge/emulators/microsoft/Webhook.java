package io.teamsbridge.emulators.microsoft;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.teamsbridge.emulators.http.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * Plays the bridge's webhook on loopback: answers Graph's validation handshake (or fails it on
 * request) and records every delivery; can answer the next deliveries slowly or with an error.
 */
final class Webhook implements AutoCloseable {

    /** How the next handshakes are answered. */
    enum Handshake { ECHO, ECHO_ENCODED, STATUS_500, WRONG_TYPE }

    record Validation(String method, String contentType, String rawQuery, String token) {}

    record Delivery(String path, JsonNode body, Instant receivedAt) {}

    /** How one coming delivery is answered: after a delay, with a status. */
    record Answer(Duration delay, int status) {
        static Answer status(int status) {
            return new Answer(Duration.ZERO, status);
        }

        static Answer after(Duration delay) {
            return new Answer(delay, 202);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Validation> validations = new CopyOnWriteArrayList<>();
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final AtomicReference<Handshake> handshake = new AtomicReference<>(Handshake.ECHO);
    private final Queue<Answer> plannedAnswers = new ConcurrentLinkedQueue<>();

    Webhook() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void answerHandshakes(Handshake mode) {
        handshake.set(mode);
    }

    /** The next deliveries are answered so, one answer each; then 202 at once again. */
    void answerNext(Answer... answers) {
        plannedAnswers.addAll(List.of(answers));
    }

    List<Validation> validations() {
        return List.copyOf(validations);
    }

    List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** Every item of every delivery so far, in arrival order. */
    List<JsonNode> items() {
        List<JsonNode> items = new ArrayList<>();
        deliveries.forEach(d -> d.body().get("value").forEach(items::add));
        return items;
    }

    /** Waits up to 5 s until the items received satisfy {@code condition}; returns them. */
    List<JsonNode> awaitItems(Predicate<List<JsonNode>> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.test(items())) {
            assertThat(System.nanoTime()).as("waited 5 s for deliveries; got %s", items()).isLessThan(deadline);
            sleep(10);
        }
        return items();
    }

    List<JsonNode> awaitItems(int count) {
        return awaitItems(items -> items.size() >= count);
    }

    /** Checks that nothing (more) arrives within a short while. */
    void assertQuietFor(Duration duration, int expectedItems) {
        sleep(duration.toMillis());
        assertThat(items()).hasSize(expectedItems);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String rawQuery = exchange.getRequestURI().getRawQuery();
            if (rawQuery != null && rawQuery.contains("validationToken=")) {
                validate(exchange, rawQuery);
                return;
            }
            deliveries.add(new Delivery(exchange.getRequestURI().getPath(), Json.parse(body), Instant.now()));
            Answer answer = plannedAnswers.poll();
            if (answer == null) {
                answer = Answer.status(202);
            }
            sleep(answer.delay().toMillis());
            exchange.sendResponseHeaders(answer.status(), -1);
        }
    }

    private void validate(HttpExchange exchange, String rawQuery) throws IOException {
        String encoded = rawQuery.substring(rawQuery.indexOf("validationToken=") + "validationToken=".length());
        String token = URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        validations.add(new Validation(exchange.getRequestMethod(),
                exchange.getRequestHeaders().getFirst("Content-Type"), rawQuery, token));
        Handshake mode = handshake.get();
        String answer = mode == Handshake.ECHO_ENCODED ? encoded : token;
        exchange.getResponseHeaders().set("Content-Type", mode == Handshake.WRONG_TYPE ? "application/json"
                : "text/plain; charset=utf-8");
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(mode == Handshake.STATUS_500 ? 500 : 200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
