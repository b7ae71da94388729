package io.teamsbridge.http;

import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import com.nimbusds.oauth2.sdk.http.HTTPRequestSender;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import io.micrometer.core.instrument.MeterRegistry;
import io.teamsbridge.config.OutboundProperties;
import java.io.IOException;
import java.io.InputStream;
import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.springframework.stereotype.Component;

/**
 * The one JDK HTTP client every call to Microsoft and Mattermost goes through, set up once from
 * {@code outbound.*}: the proxy (with its credentials, answered only to the proxy), the extra
 * trusted CAs, a short connect timeout, no redirects (each caller decides). It hands out the
 * senders the clients use, each timed in {@link OutboundMetrics}: {@link OutboundHttp} for Graph and
 * Mattermost, a nimbus {@link HTTPRequestSender} for the token endpoint, and a {@link ResourceRetriever}
 * for the identity platform's signing keys.
 */
@Component
public class OutboundClients {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

    private final HttpClient client;
    private final OutboundMetrics metrics;

    public OutboundClients(OutboundProperties settings, MeterRegistry meters) {
        this.metrics = new OutboundMetrics(meters);
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .sslContext(TrustedCas.context(settings.trustedCaFile()))
                // Its own default is a cached pool that grew to ~30 platform threads at 300 posts/s,
                // each with a stack and a malloc arena; its tasks are short and never block.
                .executor(Executors.newVirtualThreadPerTaskExecutor());
        if (settings.proxy() != null) {
            builder.proxy(new ConfiguredProxy(settings.proxy(), settings.nonProxyHosts()));
            if (settings.proxyUsername() != null && !settings.proxyUsername().isBlank()) {
                builder.authenticator(new ProxyCredentials(settings.proxyUsername(),
                        settings.proxyPassword() == null ? "" : settings.proxyPassword()));
            }
        }
        this.client = builder.build();
    }

    /** The shared client, for downloads that handle their own answers. */
    public HttpClient client() {
        return client;
    }

    public OutboundMetrics metrics() {
        return metrics;
    }

    /** Sends to Graph or Mattermost, waiting out {@code Retry-After} within {@code maxWait}. */
    public OutboundHttp sender(String peerName, String peerTag, Duration maxWait) {
        return new OutboundHttp(client, maxWait, peerName, peerTag, metrics);
    }

    /** Sends nimbus's token requests (sign-in, refresh, app token) through the shared client. */
    public HTTPRequestSender tokenSender() {
        return request -> {
            HttpRequest.Builder out = HttpRequest.newBuilder(request.getURI())
                    .timeout(Duration.ofMillis(request.getReadTimeout() > 0 ? request.getReadTimeout() : 10_000));
            request.getHeaderMap().forEach((name, values) -> values.forEach(value -> out.header(name, value)));
            String body = request.getBody();
            out.method(request.getMethod().name(),
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            HttpResponse<String> answer = send(out.build(), HttpResponse.BodyHandlers.ofString(), OutboundMetrics.LOGIN);
            HTTPResponse response = new HTTPResponse(answer.statusCode());
            answer.headers().map().forEach((name, values) -> {
                if (!name.startsWith(":")) {
                    response.setHeader(name, values.toArray(String[]::new));
                }
            });
            response.setBody(answer.body());
            return response;
        };
    }

    /** Fetches the identity platform's signing keys, at most {@code maxBytes} of them. */
    public ResourceRetriever keyRetriever(Duration timeout, int maxBytes) {
        return url -> {
            HttpRequest request;
            try {
                request = HttpRequest.newBuilder(url.toURI()).timeout(timeout).GET().build();
            } catch (URISyntaxException e) {
                throw new IOException("not a URI: " + url, e);
            }
            HttpResponse<InputStream> answer = send(request, HttpResponse.BodyHandlers.ofInputStream(), OutboundMetrics.LOGIN);
            try (InputStream body = answer.body()) {
                if (answer.statusCode() != 200) {
                    throw new IOException("HTTP " + answer.statusCode() + " from " + url);
                }
                byte[] bytes = body.readNBytes(maxBytes + 1);
                if (bytes.length > maxBytes) {
                    throw new IOException("more than " + maxBytes + " bytes from " + url);
                }
                return new Resource(new String(bytes, StandardCharsets.UTF_8),
                        answer.headers().firstValue("Content-Type").orElse(null));
            }
        };
    }

    /** Sends one request as it is (no retry), timed under {@code peer}. */
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler, String peer) throws IOException {
        long started = System.nanoTime();
        try {
            HttpResponse<T> answer = client.send(request, handler);
            metrics.record(peer, request.method(), request.uri(), Integer.toString(answer.statusCode()), System.nanoTime() - started);
            return answer;
        } catch (IOException e) {
            metrics.record(peer, request.method(), request.uri(), OutboundMetrics.failure(e), System.nanoTime() - started);
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Answers the proxy's 407 only; a server's 401 is not ours to answer with these credentials. */
    private static final class ProxyCredentials extends Authenticator {
        private final String username;
        private final char[] password;

        ProxyCredentials(String username, String password) {
            this.username = username;
            this.password = password.toCharArray();
        }

        @Override
        protected PasswordAuthentication getPasswordAuthentication() {
            return getRequestorType() == RequestorType.PROXY ? new PasswordAuthentication(username, password.clone()) : null;
        }
    }
}
