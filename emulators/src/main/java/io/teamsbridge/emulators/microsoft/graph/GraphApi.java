package io.teamsbridge.emulators.microsoft.graph;

import io.teamsbridge.emulators.http.Interceptor;
import io.teamsbridge.emulators.http.Router;
import io.teamsbridge.emulators.microsoft.directory.UserDirectory;
import io.teamsbridge.emulators.microsoft.identity.AccessTokenVerifier;
import java.net.URI;
import java.time.Clock;
import java.util.function.BooleanSupplier;

/** The emulated Graph v1.0: its routes and its throttling interceptor ({@link GraphErrors} renders its errors). */
public final class GraphApi {
    public static final String PREFIX = "/v1.0";

    private final UserRoutes users;
    private final PresenceRoutes presence;
    private final GraphThrottle throttle;

    /** @param throttling whether the {@code throttle} fault is on, read on every request */
    public GraphApi(UserDirectory directory, AccessTokenVerifier verifier, GraphErrors errors, Clock clock,
            URI graphUrl, BooleanSupplier throttling) {
        GraphResponses responses = new GraphResponses(errors, graphUrl);
        GraphAuth auth = new GraphAuth(verifier);
        this.users = new UserRoutes(directory, auth, responses);
        this.presence = new PresenceRoutes(directory, auth, responses);
        this.throttle = new GraphThrottle(throttling, verifier, new RateLimiter(clock), errors);
    }

    public void register(Router router) {
        users.register(router);
        presence.register(router);
    }

    public Interceptor throttle() {
        return throttle;
    }

    public static boolean handles(String path) {
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }
}
