package io.teamsbridge.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every request to Microsoft and Mattermost, as metrics: {@code teamsbridge.outbound.requests}, a timer
 * tagged {@code peer} ({@code graph}, {@code login}, {@code mattermost}), {@code method}, {@code endpoint}
 * (the path as a template: ids become {@code {id}}, so the series stay few) and {@code status} (the
 * HTTP status, or {@code IO_ERROR} / {@code TIMEOUT} when no answer came); and counters of 429 answers
 * ({@code teamsbridge.outbound.throttled}) and of requests sent again after a 429 or 503
 * ({@code teamsbridge.outbound.retries}), by peer.
 */
public final class OutboundMetrics {
    public static final String GRAPH = "graph";
    public static final String LOGIN = "login";
    public static final String MATTERMOST = "mattermost";
    private static final Duration[] BUCKETS = {Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};
    private static final int MAX_SEGMENTS = 8;

    private final MeterRegistry meters;
    private final Map<String, Counter> throttled = new ConcurrentHashMap<>();
    private final Map<String, Counter> retries = new ConcurrentHashMap<>();
    /** The timers by peer, method, endpoint and status: looked up, not built and registered, on each request. */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public OutboundMetrics(MeterRegistry meters) {
        this.meters = meters;
        for (String peer : Set.of(GRAPH, LOGIN, MATTERMOST)) {
            throttled(peer, 0);
            retried(peer, 0);
        }
    }

    /** One request and its answer ({@code status}: the HTTP status, {@code IO_ERROR} or {@code TIMEOUT}). */
    public void record(String peer, String method, URI uri, String status, long nanos) {
        String endpoint = endpoint(uri.getRawPath());
        timers.computeIfAbsent(peer + ' ' + method + ' ' + endpoint + ' ' + status, key -> Timer.builder("teamsbridge.outbound.requests")
                        .description("Requests to Microsoft and Mattermost, by peer, endpoint template and status")
                        .tag("peer", peer).tag("method", method).tag("endpoint", endpoint).tag("status", status)
                        .serviceLevelObjectives(BUCKETS)
                        .register(meters))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** The status tag of a request that got no answer. */
    public static String failure(java.io.IOException e) {
        return e instanceof java.net.http.HttpTimeoutException ? "TIMEOUT" : "IO_ERROR";
    }

    public void throttled(String peer) {
        throttled(peer, 1);
    }

    public void retried(String peer) {
        retried(peer, 1);
    }

    private void throttled(String peer, int n) {
        throttled.computeIfAbsent(peer, p -> Counter.builder("teamsbridge.outbound.throttled").tag("peer", p)
                .description("429 Too Many Requests answers, retried or not").register(meters)).increment(n);
    }

    private void retried(String peer, int n) {
        retries.computeIfAbsent(peer, p -> Counter.builder("teamsbridge.outbound.retries").tag("peer", p)
                .description("Requests sent again after a 429 or 503 answer").register(meters)).increment(n);
    }

    /**
     * The path with its ids replaced by {@code {id}}: Graph chat ids ({@code 19:…@thread.v2}), numeric
     * message ids, GUIDs, 26-character Mattermost ids, share ids ({@code u!…}), emails. API words
     * ({@code chats}, {@code $value}, {@code getPresencesByUserId}, {@code v1.0}, {@code oauth2}) stay.
     */
    static String endpoint(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        StringBuilder template = new StringBuilder();
        int segments = 0;
        for (String segment : rawPath.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (++segments > MAX_SEGMENTS) {
                template.append("/…");
                break;
            }
            template.append('/').append(isId(segment) ? "{id}" : segment);
        }
        return template.isEmpty() ? "/" : template.toString();
    }

    private static boolean isId(String segment) {
        if (segment.length() >= 24 || segment.chars().allMatch(Character::isDigit)) {
            return true;
        }
        boolean digit = segment.chars().anyMatch(Character::isDigit);
        for (char c : segment.toCharArray()) {
            if (":@!%=(),'~+".indexOf(c) >= 0 || (c == '-' && digit)) {
                return true;
            }
        }
        return !segment.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '$' || c == '_'));
    }
}
