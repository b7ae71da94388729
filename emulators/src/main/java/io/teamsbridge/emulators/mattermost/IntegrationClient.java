package io.teamsbridge.emulators.mattermost;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The server's outgoing HTTP client for integrations (slash commands, dialog submissions): 3 s to
 * connect, {@code OutgoingIntegrationRequestsTimeout} (30 s) for the whole exchange, redirects
 * followed, and at most {@code MaxIntegrationResponseSize} (1 MiB) of the reply read. Unlike the
 * real server it lets loopback addresses through, since everything here runs on loopback.
 */
final class IntegrationClient {
    static final String USER_AGENT = "Mattermost-Bot/1.1";
    static final int MAX_RESPONSE_BYTES = 1024 * 1024;

    /** What the integration answered: status, content type (may be empty) and the capped body. */
    record Reply(int status, String contentType, byte[] body) {
        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(3))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final ServerConfig config;

    IntegrationClient(ServerConfig config) {
        this.config = config;
    }

    /** A request builder with the timeout and {@code User-Agent} every outgoing call carries. */
    HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(config.current().outgoingIntegrationRequestsTimeout()))
                .header("User-Agent", USER_AGENT);
    }

    Reply send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readNBytes(MAX_RESPONSE_BYTES);
        }
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), body);
    }

    void close() {
        http.close();
    }
}
