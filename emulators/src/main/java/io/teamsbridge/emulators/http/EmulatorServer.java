package io.teamsbridge.emulators.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP server bound to loopback, one virtual thread per exchange, dispatching through a
 * {@link Router} after the {@link Interceptor}s. Every routed request is counted in
 * {@link #stats()} under its template; control-API calls ({@code /_sandbox/...}) are not counted
 * and skip the interceptors, so faults never block the test that set them.
 *
 * <p>It runs on Jetty's core server (no servlets) rather than the JDK's {@code HttpServer},
 * because the JDK server cannot hand a connection over to another protocol, and Mattermost serves
 * its WebSocket ({@link Router#webSocket}) on the same port as its REST API. Jetty is configured
 * to behave as the JDK server did: no {@code Server} header, lenient URI parsing (the router
 * decides what a path means), bodies read whole, and nothing of Jetty's reaches a handler.
 */
public final class EmulatorServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmulatorServer.class);
    /** Larger bodies are refused; nothing the bridge sends comes near it. */
    private static final int MAX_BODY_BYTES = 8 * 1024 * 1024;
    /** Request line and headers together; the JDK server allowed far more than Jetty's 8 KiB default. */
    private static final int MAX_HEADER_BYTES = 64 * 1024;
    public static final String CONTROL_PREFIX = "/_sandbox/";

    /** Performs the Jetty upgrade once the endpoint has accepted; false when the handshake is malformed. */
    @FunctionalInterface
    private interface Upgrader {
        boolean upgrade(WebSocketEndpoint endpoint, WebSocketListener listener);
    }

    private final String name;
    private final Router router;
    private final ErrorRenderer errors;
    private final List<Interceptor> interceptors = new CopyOnWriteArrayList<>();
    private final RequestStats stats = new RequestStats();
    private final Server server;
    private final ServerConnector connector;
    private final ServerWebSocketContainer webSockets;

    public EmulatorServer(String name, int port, Router router, ErrorRenderer errors) {
        this.name = name;
        this.router = router;
        this.errors = errors;
        // Platform threads only accept and select; handlers run on virtual threads, since they block
        // (fault latency, integration callbacks with a 30 s timeout).
        QueuedThreadPool threads = new QueuedThreadPool(32, 2);
        threads.setName(name.toLowerCase(Locale.ROOT) + "-emulator");
        threads.setVirtualThreadsExecutor(
                VirtualThreads.getNamedVirtualThreadsExecutor(name.toLowerCase(Locale.ROOT) + "-emulator-"));
        this.server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setRequestHeaderSize(MAX_HEADER_BYTES);
        http.setUriCompliance(UriCompliance.UNSAFE);
        this.connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(InetAddress.getLoopbackAddress().getHostAddress());
        connector.setPort(port);
        connector.setAcceptQueueSize(512);
        server.addConnector(connector);
        ErrorHandler errorPages = new ErrorHandler();
        errorPages.setShowStacks(false);
        errorPages.setShowCauses(false);
        server.setErrorHandler(errorPages);
        this.webSockets = ServerWebSocketContainer.ensure(server);
        server.setHandler(new Dispatcher());
        // Bound now, not at start, so the emulator knows its URLs while it registers its routes.
        try {
            connector.open();
        } catch (IOException e) {
            throw new IllegalStateException(name + " emulator could not listen on port " + port + ": " + e.getMessage(), e);
        }
    }

    public EmulatorServer addInterceptor(Interceptor interceptor) {
        interceptors.add(interceptor);
        return this;
    }

    public EmulatorServer start() {
        try {
            server.start();
        } catch (Exception e) {
            close();
            throw new IllegalStateException(name + " emulator could not start on port " + port() + ": " + e, e);
        }
        log.info("{} emulator listening on {}", name, baseUrl());
        return this;
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public int port() {
        return connector.getLocalPort();
    }

    public RequestStats stats() {
        return stats;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            log.warn("{} emulator did not stop cleanly: {}", name, e.toString());
        } finally {
            // A server that was never started still holds the port it bound in the constructor.
            connector.close();
        }
    }

    /** The one Jetty handler: reads the exchange into a {@link Request} and writes the {@link Response}. */
    private final class Dispatcher extends Handler.Abstract {
        @Override
        public boolean handle(org.eclipse.jetty.server.Request exchange, org.eclipse.jetty.server.Response out,
                Callback callback) {
            Response response;
            Request request = null;
            try {
                request = read(exchange);
                Optional<Response> answer = dispatch(request, (endpoint, listener) -> webSockets.upgrade(
                        (upgradeRequest, upgradeResponse, upgradeCallback) -> new JettyWebSocket(endpoint, listener),
                        exchange, out, callback));
                if (answer.isEmpty()) {
                    return true; // upgraded: Jetty has answered 101 and owns the callback
                }
                response = answer.get();
            } catch (HttpError e) {
                response = errors.render(request != null ? request : emptyRequest(exchange), e);
            } catch (Exception e) {
                log.warn("{} emulator failed on {} {}", name, exchange.getMethod(), exchange.getHttpURI().getPathQuery(), e);
                response = errors.render(request != null ? request : emptyRequest(exchange),
                        new HttpError(500, "internal", "The emulator failed: " + e));
            }
            write(out, response, callback);
            return true;
        }
    }

    /** The handler's response, or empty when the request was upgraded to a WebSocket. */
    private Optional<Response> dispatch(Request request, Upgrader upgrader) throws Exception {
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
                    return early;
                }
            }
        }
        if (route.webSocket() != null && asksForWebSocket(routed)) {
            WebSocketListener listener = route.webSocket().accept(routed);
            if (upgrader.upgrade(route.webSocket(), listener)) {
                return Optional.empty();
            }
        }
        return Optional.of(route.handler().handle(routed));
    }

    private static boolean asksForWebSocket(Request request) {
        return request.header("upgrade").map(v -> v.toLowerCase(Locale.ROOT).contains("websocket")).orElse(false);
    }

    private static Request read(org.eclipse.jetty.server.Request exchange) throws IOException {
        URI uri = requestUri(exchange);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : exchange.getHeaders()) {
            headers.computeIfAbsent(field.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(field.getValue());
        }
        headers.replaceAll((k, v) -> List.copyOf(v));
        byte[] body;
        try (InputStream in = Content.Source.asInputStream(exchange)) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        Request request = new Request(exchange.getMethod(), uri, uri.getPath(), Map.of(), Map.copyOf(headers), body);
        if (body.length > MAX_BODY_BYTES) {
            throw new HttpError(413, "too_large", "The request body is larger than " + MAX_BODY_BYTES + " bytes.");
        }
        return request;
    }

    /** The request target as the client sent it (path and query, still encoded), as the JDK server gave it. */
    private static URI requestUri(org.eclipse.jetty.server.Request exchange) {
        try {
            return URI.create(exchange.getHttpURI().getPathQuery());
        } catch (IllegalArgumentException e) {
            throw new HttpError(400, "bad_request", "The request target is not a valid URI.");
        }
    }

    private static Request emptyRequest(org.eclipse.jetty.server.Request exchange) {
        URI uri;
        try {
            uri = requestUri(exchange);
        } catch (HttpError e) {
            uri = URI.create("/");
        }
        return new Request(exchange.getMethod(), uri, uri.getPath(), Map.of(), Map.of(), new byte[0]);
    }

    private static void write(org.eclipse.jetty.server.Response out, Response response, Callback callback) {
        out.setStatus(response.status());
        response.headers().forEach((k, v) -> out.getHeaders().put(k, v));
        out.write(true, response.body().length == 0 ? BufferUtil.EMPTY_BUFFER : ByteBuffer.wrap(response.body()), callback);
    }
}
