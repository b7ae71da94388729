package io.teamsbridge.emulators.mattermost;

import io.teamsbridge.emulators.http.Handler;
import io.teamsbridge.emulators.http.Interceptor;
import io.teamsbridge.emulators.http.Request;
import io.teamsbridge.emulators.http.Response;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The server's {@code RateLimitSettings} when enabled: a {@link GcraLimiter} keyed like
 * {@code RateLimiter.GenerateKey} — by remote address (always 127.0.0.1 here, since the emulator
 * only listens on loopback), plus the {@code RateLimitVaryByHeader} header's value, or by token
 * with {@code RateLimitVaryByUser}. A refused request gets {@code http.Error}'s plain-text
 * "limit exceeded" with status 429; every REST response carries the {@code X-RateLimit-*} headers.
 */
final class RateLimitInterceptor implements Interceptor {
    private static final String REMOTE_ADDRESS = "127.0.0.1";

    private final ServerConfig config;
    private final GcraLimiter limiter;

    RateLimitInterceptor(ServerConfig config, GcraLimiter limiter) {
        this.config = config;
        this.limiter = limiter;
    }

    @Override
    public Optional<Response> before(Request request) {
        ServerSettings settings = config.current();
        if (!settings.rateLimitEnabled()) {
            return Optional.empty();
        }
        GcraLimiter.Decision decision = limiter.take(key(request, settings), settings.rateLimitPerSec(),
                settings.maxBurst());
        if (!decision.limited()) {
            return Optional.empty();
        }
        Response refused = new Response(429, Map.of("Content-Type", "text/plain; charset=utf-8",
                "X-Content-Type-Options", "nosniff", Wire.REQUEST_ID, Ids.newId()),
                "limit exceeded\n".getBytes(StandardCharsets.UTF_8));
        return Optional.of(withHeaders(refused, decision)
                .withHeader("Retry-After", Long.toString(decision.retryAfterSeconds())));
    }

    /** Wraps a REST handler so its responses report the limiter's state, as the server's do. */
    Handler reporting(Handler handler) {
        return request -> {
            Response response = handler.handle(request);
            ServerSettings settings = config.current();
            if (!settings.rateLimitEnabled()) {
                return response;
            }
            return withHeaders(response,
                    limiter.peek(key(request, settings), settings.rateLimitPerSec(), settings.maxBurst()));
        };
    }

    private static Response withHeaders(Response response, GcraLimiter.Decision decision) {
        return response.withHeader("X-RateLimit-Limit", Integer.toString(decision.limit()))
                .withHeader("X-RateLimit-Remaining", Integer.toString(decision.remaining()))
                .withHeader("X-RateLimit-Reset", Long.toString(decision.resetSeconds()));
    }

    private static String key(Request request, ServerSettings settings) {
        if (settings.rateLimitVaryByUser()) {
            Optional<String> token = Authenticator.tokenOf(request);
            if (token.isPresent()) {
                return "user:" + token.get();
            }
        }
        String key = REMOTE_ADDRESS;
        if (!settings.rateLimitVaryByHeader().isEmpty()) {
            key += "|" + request.header(settings.rateLimitVaryByHeader()).orElse("");
        }
        return key;
    }
}
