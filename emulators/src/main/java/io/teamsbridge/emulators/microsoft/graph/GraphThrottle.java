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
 * Graph's per-app-per-tenant throttling, while the {@code throttle} fault is on (the default). Each
 * request falls in the first category whose rule matches its route template and must get a
 * permit from every limit of that category; the budgets are the documented ones (Microsoft Graph
 * throttling limits: Teams "GET chat message", "POST chat message", "other GET" and "other" calls,
 * presence, and the subscription service). {@code $batch} itself is not throttled: each of its
 * requests comes back through here on its own, as Graph evaluates them. Requests without a valid
 * token are left alone: Graph refuses them with 401 anyway.
 */
final class GraphThrottle implements Interceptor {

    private record Rule(Predicate<Request> matches, List<RateLimiter.Limit> limits) {}

    private static final RateLimiter.Limit SUBSCRIPTION_ANY =
            new RateLimiter.Limit("subscription requests", 5000, Duration.ofSeconds(20));

    private static final List<Rule> RULES = List.of(
            new Rule(r -> r.template().endsWith("/presence") || r.template().endsWith("/getPresencesByUserId"),
                    List.of(new RateLimiter.Limit("presence", 1500, Duration.ofSeconds(30)))),
            new Rule(r -> "GET".equals(r.method())
                    && (ChatRoutes.MESSAGE.equals(r.template()) || ChatRoutes.MESSAGES.equals(r.template())),
                    List.of(new RateLimiter.Limit("GET chat message", 20, Duration.ofSeconds(1)))),
            new Rule(r -> "POST".equals(r.method()) && SendMessageRoutes.TEMPLATES.contains(r.template()),
                    List.of(new RateLimiter.Limit("POST chat message", 20, Duration.ofSeconds(1)))),
            new Rule(r -> AllMessagesRoute.TEMPLATE.equals(r.template()),
                    List.of(new RateLimiter.Limit("GET users/{id}/chats/getAllMessages", 200, Duration.ofSeconds(1)))),
            new Rule(r -> r.template().startsWith(SubscriptionRoutes.COLLECTION) && !"GET".equals(r.method()),
                    List.of(new RateLimiter.Limit("subscription writes", 1000, Duration.ofSeconds(20)),
                            SUBSCRIPTION_ANY)),
            new Rule(r -> r.template().startsWith(SubscriptionRoutes.COLLECTION), List.of(SUBSCRIPTION_ANY)),
            new Rule(r -> "GET".equals(r.method()),
                    List.of(new RateLimiter.Limit("other GET", 30, Duration.ofSeconds(1)))),
            new Rule(r -> true, List.of(new RateLimiter.Limit("other", 30, Duration.ofSeconds(1)))));

    private final BooleanSupplier enabled;
    private final BooleanSupplier everything;
    private final AccessTokenVerifier verifier;
    private final RateLimiter limiter;
    private final GraphErrors errors;

    GraphThrottle(BooleanSupplier enabled, BooleanSupplier everything, AccessTokenVerifier verifier, RateLimiter limiter,
            GraphErrors errors) {
        this.enabled = enabled;
        this.everything = everything;
        this.verifier = verifier;
        this.limiter = limiter;
        this.errors = errors;
    }

    @Override
    public Optional<Response> before(Request request) {
        if (!request.template().startsWith(GraphApi.PREFIX + "/") || BatchRoute.TEMPLATE.equals(request.template())) {
            return Optional.empty();
        }
        if (everything.getAsBoolean()) {
            return Optional.of(refuse(request, new RateLimiter.Limit("every request (throttleAll fault)", 0,
                    Duration.ofSeconds(1)), Duration.ofSeconds(2)));
        }
        if (!enabled.getAsBoolean()) {
            return Optional.empty();
        }
        if (!(verifier.check(request.header("authorization").orElse(null)) instanceof TokenCheck.Valid valid)) {
            return Optional.empty();
        }
        List<RateLimiter.Limit> limits = RULES.stream().filter(rule -> rule.matches().test(request)).findFirst()
                .orElseThrow().limits();
        String key = valid.caller().appId() + "|" + valid.caller().tenantId();
        for (RateLimiter.Limit limit : limits) {
            Optional<Duration> wait = limiter.acquire(key, limit);
            if (wait.isPresent()) {
                return Optional.of(refuse(request, limit, wait.get()));
            }
        }
        return Optional.empty();
    }

    private Response refuse(Request request, RateLimiter.Limit limit, Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        HttpError error = new HttpError(429, "TooManyRequests", "Too many requests. The application is over the"
                + " '" + limit.category() + "' limit of " + limit.permits() + " requests per "
                + limit.window().toSeconds() + " s for this tenant. Retry after " + seconds + " s.");
        return errors.render(request, error).withHeader("Retry-After", Long.toString(seconds));
    }
}
