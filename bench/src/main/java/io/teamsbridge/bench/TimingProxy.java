package io.teamsbridge.bench;

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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A reverse proxy on loopback in front of the bridge: the bridge's public URL points here, so Graph's
 * (the emulator's) webhook POSTs pass through it and their acknowledgement time is measured without
 * changing the emulator. The time is from the request's arrival here to the bridge's full answer,
 * so it includes one extra loopback hop (well under a millisecond when the machine is idle).
 */
final class TimingProxy implements AutoCloseable {
    private static final String NOTIFICATIONS = "/microsoft/notifications";
    /** Headers the JDK client sets itself and refuses to take from the caller. */
    private static final Set<String> RESTRICTED = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "transfer-encoding", "keep-alive", "te", "trailer");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(16);
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final URI target;
    private volatile Latencies acks = new Latencies();
    private final AtomicLong failedPosts = new AtomicLong();
    private volatile boolean recording;

    private TimingProxy(URI target) throws IOException {
        this.target = target;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.setExecutor(executor);
        server.createContext("/", this::forward);
        server.start();
    }

    static TimingProxy start(URI target) throws IOException {
        return new TimingProxy(target);
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** From now on webhook POSTs are timed into a fresh record (the world is built with recording off). */
    Latencies startRecording() {
        acks = new Latencies();
        failedPosts.set(0);
        recording = true;
        return acks;
    }

    /** In microseconds. */
    Latencies acknowledgements() {
        return acks;
    }

    /** Webhook POSTs the bridge did not answer with 2xx, or could not be reached for. */
    long failedPosts() {
        return failedPosts.get();
    }

    private void forward(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        boolean webhook = "POST".equals(exchange.getRequestMethod())
                && exchange.getRequestURI().getPath().equals(NOTIFICATIONS);
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
                    .timeout(Duration.ofSeconds(30))
                    .method(exchange.getRequestMethod(), body.length == 0 && !webhook
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
                if (!RESTRICTED.contains(header.getKey().toLowerCase(java.util.Locale.ROOT))) {
                    header.getValue().forEach(v -> request.header(header.getKey(), v));
                }
            }
            HttpResponse<byte[]> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                if (webhook) {
                    failedPosts.incrementAndGet();
                }
                exchange.sendResponseHeaders(502, -1);
                return;
            }
            if (webhook && recording) {
                acks.record((System.nanoTime() - start) / 1_000);
                if (response.statusCode() / 100 != 2) {
                    failedPosts.incrementAndGet();
                }
            }
            response.headers().map().forEach((name, values) -> {
                if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] answer = response.body();
            exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
