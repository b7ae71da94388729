package io.teamsbridge.emulators.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JDK {@link HttpServer} bound to loopback, one virtual thread per exchange, dispatching through
 * a {@link Router} after the {@link Interceptor}s. Every routed request is counted in
 * {@link #stats()} under its template; control-API calls ({@code /_sandbox/...}) are not counted
 * and skip the interceptors, so faults never block the test that set them.
 */
public final class EmulatorServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmulatorServer.class);
    /** Larger bodies are refused; nothing the bridge sends comes near it. */
    private static final int MAX_BODY_BYTES = 8 * 1024 * 1024;
    public static final String CONTROL_PREFIX = "/_sandbox/";

    private final String name;
    private final Router router;
    private final ErrorRenderer errors;
    private final List<Interceptor> interceptors = new CopyOnWriteArrayList<>();
    private final RequestStats stats = new RequestStats();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    public EmulatorServer(String name, int port, Router router, ErrorRenderer errors) {
        this.name = name;
        this.router = router;
        this.errors = errors;
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 512);
        } catch (IOException e) {
            throw new IllegalStateException(name + " emulator could not listen on port " + port + ": " + e.getMessage(), e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::exchange);
    }

    public EmulatorServer addInterceptor(Interceptor interceptor) {
        interceptors.add(interceptor);
        return this;
    }

    public EmulatorServer start() {
        server.start();
        log.info("{} emulator listening on {}", name, baseUrl());
        return this;
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public RequestStats stats() {
        return stats;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            Response response;
            Request request = null;
            try {
                request = read(exchange);
                response = dispatch(request);
            } catch (HttpError e) {
                response = errors.render(request != null ? request : emptyRequest(exchange), e);
            } catch (Exception e) {
                log.warn("{} emulator failed on {} {}", name, exchange.getRequestMethod(), exchange.getRequestURI(), e);
                response = errors.render(
                        request != null ? request : emptyRequest(exchange),
                        new HttpError(500, "internal", "The emulator failed: " + e));
            }
            write(exchange, response);
        }
    }

    private Response dispatch(Request request) throws Exception {
        Router.Match match = router.match(request.method(), request.path());
        if (match.route().isEmpty()) {
            if (match.pathKnown()) {
                throw new HttpError(405, "method_not_allowed", "Method " + request.method() + " is not allowed here.");
            }
            throw new HttpError(404, "not_found", "No such endpoint: " + request.method() + " " + request.path());
        }
        Router.Route route = match.route().get();
        Request routed = request.withRoute(route.template(), match.params());
        boolean control = route.template().startsWith(CONTROL_PREFIX);
        if (!control) {
            stats.record(routed.method(), route.template());
            for (Interceptor interceptor : interceptors) {
                Optional<Response> early = interceptor.before(routed);
                if (early.isPresent()) {
                    return early.get();
                }
            }
        }
        return route.handler().handle(routed);
    }

    private static Request read(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        Map<String, List<String>> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI(),
                exchange.getRequestURI().getPath(), Map.of(), Map.copyOf(headers), body);
        if (body.length > MAX_BODY_BYTES) {
            throw new HttpError(413, "too_large", "The request body is larger than " + MAX_BODY_BYTES + " bytes.");
        }
        return request;
    }

    private static Request emptyRequest(HttpExchange exchange) {
        return new Request(exchange.getRequestMethod(), exchange.getRequestURI(), exchange.getRequestURI().getPath(),
                Map.of(), Map.of(), new byte[0]);
    }

    private static void write(HttpExchange exchange, Response response) throws IOException {
        response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        boolean noBody = response.body().length == 0;
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
    }
}
