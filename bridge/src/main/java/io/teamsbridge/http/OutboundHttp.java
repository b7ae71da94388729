package io.teamsbridge.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends requests and honours {@code Retry-After} on 429 and 503 within a small budget: a request
 * made while a user waits (a slash command, a sign-in) may wait at most {@code maxWait} in all.
 * Anything longer is returned to the caller as the throttled response, because durable work
 * retries from the database rather than by sleeping here.
 */
public final class OutboundHttp {
    private static final Logger log = LoggerFactory.getLogger(OutboundHttp.class);
    private static final int MAX_ATTEMPTS = 3;

    private final HttpClient client;
    private final Duration maxWait;
    private final String peer;
    private final String peerTag;
    private final OutboundMetrics metrics;

    /**
     * @param peer the peer's name in messages ("Microsoft Graph")
     * @param peerTag the peer's {@code peer} tag in metrics ({@link OutboundMetrics#GRAPH}, …)
     */
    OutboundHttp(HttpClient client, Duration maxWait, String peer, String peerTag, OutboundMetrics metrics) {
        this.client = client;
        this.maxWait = maxWait;
        this.peer = peer;
        this.peerTag = peerTag;
        this.metrics = metrics;
    }

    /**
     * A JSON request with a bearer token: {@code Accept: application/json}, and the body (already
     * serialised) as {@code application/json} when there is one.
     */
    public static HttpRequest.Builder jsonRequest(String method, java.net.URI uri, Duration timeout, String bearerToken,
            byte[] jsonBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Authorization", "Bearer " + bearerToken)
                .header("Accept", "application/json");
        if (jsonBody == null) {
            return request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(jsonBody));
    }

    /**
     * Sends the request, retrying throttled answers while the budget lasts.
     *
     * @throws UnreachableException when the peer cannot be reached or does not answer in time
     */
    public HttpResponse<byte[]> send(HttpRequest request) {
        long waitedMillis = 0;
        for (int attempt = 1; ; attempt++) {
            HttpResponse<byte[]> response;
            long started = System.nanoTime();
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                metrics.record(peerTag, request.method(), request.uri(), Integer.toString(response.statusCode()),
                        System.nanoTime() - started);
            } catch (IOException e) {
                metrics.record(peerTag, request.method(), request.uri(), OutboundMetrics.failure(e), System.nanoTime() - started);
                throw new UnreachableException(peer + " could not be reached at " + request.uri().getScheme() + "://"
                        + request.uri().getAuthority() + " (" + e.getClass().getSimpleName() + ")", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UnreachableException("Interrupted while calling " + peer, e);
            }
            int status = response.statusCode();
            if (status == 429) {
                metrics.throttled(peerTag);
            }
            if ((status != 429 && status != 503) || attempt >= MAX_ATTEMPTS) {
                return response;
            }
            long delay = retryAfterMillis(response).orElse(250L * attempt);
            if (waitedMillis + delay > maxWait.toMillis()) {
                return response;
            }
            log.info("{} answered {} to {} {}; retrying in {} ms (attempt {} of {})", peer, status, request.method(),
                    request.uri().getPath(), delay, attempt + 1, MAX_ATTEMPTS);
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UnreachableException("Interrupted while waiting to retry " + peer, e);
            }
            waitedMillis += delay;
            metrics.retried(peerTag);
        }
    }

    /** The {@code Retry-After} header in milliseconds, when it is a number of seconds. */
    public static Optional<Long> retryAfterMillis(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Math.max(0, (long) (Double.parseDouble(value.trim()) * 1000)));
            } catch (NumberFormatException httpDate) {
                return Optional.empty();
            }
        });
    }

    /** The peer could not be reached or did not answer in time. */
    public static final class UnreachableException extends RuntimeException {
        public UnreachableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
