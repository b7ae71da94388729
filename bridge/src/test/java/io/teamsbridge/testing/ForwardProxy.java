package io.teamsbridge.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP forward proxy on loopback, as an enterprise network has: it takes absolute-form requests
 * ({@code GET http://host/path}), asks for Basic credentials with 407 until they are right, and then
 * forwards each request and records it, so a test can see what went through it.
 */
public final class ForwardProxy implements AutoCloseable {
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "host", "transfer-encoding",
            "upgrade", "expect", "keep-alive", "te", "trailer", "proxy-connection", "proxy-authorization", "http2-settings");

    /** A request the proxy forwarded: its method and absolute target. */
    public record Forwarded(String method, URI target) {}

    private final HttpServer server;
    private final String expectedAuthorization;
    private final List<Forwarded> forwarded = new CopyOnWriteArrayList<>();
    private final AtomicInteger challenged = new AtomicInteger();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER).proxy(HttpClient.Builder.NO_PROXY).build();

    private ForwardProxy(HttpServer server, String username, String password) {
        this.server = server;
        this.expectedAuthorization = "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static ForwardProxy start(String username, String password) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        ForwardProxy proxy = new ForwardProxy(server, username, password);
        server.createContext("/", proxy::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return proxy;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The requests forwarded so far (with the right credentials). */
    public List<Forwarded> forwarded() {
        return List.copyOf(forwarded);
    }

    /** How many requests were answered 407 (no or wrong credentials). */
    public int challenged() {
        return challenged.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            URI target = exchange.getRequestURI();
            if (!expectedAuthorization.equals(exchange.getRequestHeaders().getFirst("Proxy-Authorization"))) {
                challenged.incrementAndGet();
                exchange.getResponseHeaders().add("Proxy-Authenticate", "Basic realm=\"corp\"");
                exchange.sendResponseHeaders(407, -1);
                return;
            }
            if (target.getScheme() == null || target.getHost() == null) {
                exchange.sendResponseHeaders(400, -1); // not a proxy request
                return;
            }
            forwarded.add(new Forwarded(exchange.getRequestMethod(), target));
            HttpRequest.Builder out = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(v -> out.header(name, v));
                }
            });
            HttpResponse<byte[]> response;
            try {
                response = client.send(out.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException unreachable) {
                exchange.sendResponseHeaders(502, -1);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            response.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] answer = response.body();
            exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(answer);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
