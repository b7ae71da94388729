package io.teamsbridge.emulators.mattermost;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/** A tiny integration endpoint (what the bridge would be) that records requests and answers as told. */
final class FakeIntegration implements AutoCloseable {
    /** One received request. */
    record Received(String method, URI uri, Headers headers, String body) {
        /** The form fields (from the body of a POST, the query of a GET), repeated fields kept. */
        Map<String, List<String>> form() {
            String raw = "GET".equals(method) ? uri.getRawQuery() : body;
            Map<String, List<String>> out = new LinkedHashMap<>();
            for (String pair : raw == null ? new String[0] : raw.split("&")) {
                int eq = pair.indexOf('=');
                out.computeIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        k -> new ArrayList<>()).add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            return out;
        }

        String field(String name) {
            List<String> values = form().get(name);
            return values == null ? null : values.getFirst();
        }
    }

    /** What to answer. */
    record Answer(int status, String contentType, String body) {}

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicReference<Answer> answer =
            new AtomicReference<>(new Answer(200, "application/json", "{\"text\":\"ok\"}"));

    FakeIntegration() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI(),
                        exchange.getRequestHeaders(), body));
                Answer a = answer.get();
                byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
                if (a.contentType() != null) {
                    exchange.getResponseHeaders().set("Content-Type", a.contentType());
                }
                exchange.sendResponseHeaders(a.status(), bytes.length == 0 ? -1 : bytes.length);
                if (bytes.length > 0) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(bytes);
                    }
                }
            }
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void answer(int status, String contentType, String body) {
        answer.set(new Answer(status, contentType, body));
    }

    Received last() {
        return received.getLast();
    }

    int count() {
        return received.size();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
