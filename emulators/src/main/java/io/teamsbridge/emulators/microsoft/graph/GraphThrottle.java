package io.teamsbridge.emulators.microsoft.graph;

import io.teamsbridge.emulators.http.HttpError;
import io.teamsbridge.emulators.http.Interceptor;
import io.teamsbridge.emulators.http.Request;
import io.teamsbridge.emulators.http.Response;
import io.teamsbridge.emulators.microsoft.identity.AccessTokenVerifier;
import io.teamsbridge.emulators.microsoft.identity.TokenCheck;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Graph's per-app-per-tenant throttling, when the {@code throttle} fault is on. Each request falls
 * in the first category whose rule matches its route template; the budgets are the documented
 * ones (Microsoft Graph throttling limits: presence, Teams "other GET" and "other" calls).
 * Requests without a valid token are left alone: Graph refuses them with 401 anyway.
 */
final class GraphThrottle implements Interceptor {

    private record Rule(Predicate<Request> matches, RateLimiter.Limit limit) {}

    private static final List<Rule> RULES = List.of(
            new Rule(r -> r.template().endsWith("/presence") || r.template().endsWith("/getPresencesByUserId"),
                    new RateLimiter.Limit("presence", 1500, Duration.ofSeconds(30))),
            new Rule(r -> "GET".equals(r.method()), new RateLimiter.Limit("other GET", 30, Duration.ofSeconds(1))),
            new Rule(r -> true, new RateLimiter.Limit("other", 30, Duration.ofSeconds(1))));

    private final BooleanSupplier enabled;
    private final AccessTokenVerifier verifier;
    private final RateLimiter limiter;
    private final GraphErrors errors;

    GraphThrottle(BooleanSupplier enabled, AccessTokenVerifier verifier, RateLimiter limiter,
            GraphErrors errors) {
        this.enabled = enabled;
        this.verifier = verifier;
        this.limiter = limiter;
        this.errors = errors;
    }

    @Override
    public Optional<Response> before(Request request) {
        if (!request.template().startsWith(GraphApi.PREFIX + "/") || !enabled.getAsBoolean()) {
            return Optional.empty();
        }
        if (!(verifier.check(request.header("authorization").orElse(null)) instanceof TokenCheck.Valid valid)) {
            return Optional.empty();
        }
        RateLimiter.Limit limit = RULES.stream().filter(rule -> rule.matches().test(request)).findFirst()
                .orElseThrow().limit();
        String key = valid.caller().appId() + "|" + valid.caller().tenantId();
        return limiter.acquire(key, limit).map(wait -> {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            HttpError error = new HttpError(429, "TooManyRequests", "Too many requests. The application is over the"
                    + " '" + limit.category() + "' limit of " + limit.permits() + " requests per "
                    + limit.window().toSeconds() + " s for this tenant. Retry after " + seconds + " s.");
            return errors.render(request, error).withHeader("Retry-After", Long.toString(seconds));
        });
    }
}
