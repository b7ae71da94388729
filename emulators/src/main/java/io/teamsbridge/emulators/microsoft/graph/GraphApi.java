package io.teamsbridge.emulators.microsoft.graph;

import io.teamsbridge.emulators.http.Interceptor;
import io.teamsbridge.emulators.http.Router;
import io.teamsbridge.emulators.microsoft.chats.ChatStore;
import io.teamsbridge.emulators.microsoft.directory.UserDirectory;
import io.teamsbridge.emulators.microsoft.identity.AccessTokenVerifier;
import io.teamsbridge.emulators.microsoft.notifications.SubscriptionService;
import java.net.URI;
import java.time.Clock;
import java.util.function.BooleanSupplier;

/** The emulated Graph v1.0: its routes and its throttling interceptor ({@link GraphErrors} renders its errors). */
public final class GraphApi {
    public static final String PREFIX = "/v1.0";

    /** What Graph's resources are read from. */
    public record Services(UserDirectory directory, ChatStore chats, SubscriptionService subscriptions,
            AccessTokenVerifier verifier, io.teamsbridge.emulators.microsoft.drive.SharedFiles files) {}

    private final UserRoutes users;
    private final PresenceRoutes presence;
    private final ChatRoutes chats;
    private final ChatListRoutes chatLists;
    private final SendMessageRoutes sending;
    private final HostedContentRoutes hostedContents;
    private final ShareRoutes shares;
    private final AllMessagesRoute allMessages;
    private final SubscriptionRoutes subscriptions;
    private final BatchRoute batch;
    private final GraphThrottle throttle;

    /** @param throttling whether the {@code throttle} fault is on, read on every request */
    /** @param throttleAll whether the {@code throttleAll} fault is on: every request answered 429 */
    public GraphApi(Services services, GraphErrors errors, Clock clock, URI graphUrl, BooleanSupplier throttling,
            BooleanSupplier throttleAll) {
        GraphResponses responses = new GraphResponses(errors, graphUrl);
        GraphAuth auth = new GraphAuth(services.verifier());
        this.users = new UserRoutes(services.directory(), auth, responses);
        this.presence = new PresenceRoutes(services.directory(), auth, responses);
        this.chats = new ChatRoutes(services.chats(), auth, responses);
        this.chatLists = new ChatListRoutes(services.chats(), services.directory(), auth, responses);
        this.sending = new SendMessageRoutes(services.chats(), services.directory(), auth, responses);
        this.hostedContents = new HostedContentRoutes(services.chats(), auth, responses);
        this.shares = new ShareRoutes(services.files(), auth, responses);
        this.allMessages = new AllMessagesRoute(services.chats(), services.directory(), auth, responses);
        this.subscriptions = new SubscriptionRoutes(services.subscriptions(), auth, responses);
        this.batch = new BatchRoute(graphUrl, errors, responses);
        this.throttle = new GraphThrottle(throttling, throttleAll, services.verifier(), new RateLimiter(clock), errors);
    }

    public void register(Router router) {
        users.register(router);
        presence.register(router);
        chats.register(router);
        chatLists.register(router);
        sending.register(router);
        hostedContents.register(router);
        shares.register(router);
        allMessages.register(router);
        subscriptions.register(router);
        batch.register(router);
    }

    public Interceptor throttle() {
        return throttle;
    }

    public static boolean handles(String path) {
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }
}
