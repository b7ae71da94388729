package io.teamsbridge.emulators.microsoft;

import io.teamsbridge.emulators.http.EmulatorServer;
import io.teamsbridge.emulators.http.Router;
import io.teamsbridge.emulators.microsoft.chats.ChatStore;
import io.teamsbridge.emulators.microsoft.directory.UserDirectory;
import io.teamsbridge.emulators.microsoft.graph.GraphApi;
import io.teamsbridge.emulators.microsoft.graph.GraphErrors;
import io.teamsbridge.emulators.microsoft.identity.AppRegistration;
import io.teamsbridge.emulators.microsoft.identity.IdentityProvider;
import io.teamsbridge.emulators.microsoft.notifications.Notifications;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Microsoft stand-in on loopback: the identity platform at {@link #baseUrl()} (the
 * authority: {@code {baseUrl}/{tenant}/oauth2/v2.0/authorize} etc.), Graph at {@link #graphUrl()},
 * and the control API under {@code /_sandbox/}. One tenant, one registered confidential app. Change
 * notifications are delivered in the background until {@link #close()}.
 */
public final class MicrosoftEmulator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MicrosoftEmulator.class);

    private final EmulatorServer server;
    private final Notifications notifications;
    private final MicrosoftEmulatorOptions options;
    private final MicrosoftControlClient control;

    private MicrosoftEmulator(EmulatorServer server, Notifications notifications, MicrosoftEmulatorOptions options) {
        this.server = server;
        this.notifications = notifications;
        this.options = options;
        this.control = new MicrosoftControlClient(server.baseUrl());
    }

    public static MicrosoftEmulator start(MicrosoftEmulatorOptions options) {
        Router router = new Router();
        GraphErrors graphErrors = new GraphErrors(options.clock());
        // The server binds its port here, so the URLs the routes publish are known before they are added.
        EmulatorServer server = new EmulatorServer("Microsoft", options.port(), router,
                new MicrosoftErrors(graphErrors, options.clock()));
        Notifications notifications = null;
        try {
            URI baseUrl = server.baseUrl();
            UserDirectory directory = new UserDirectory();
            ChatStore chats = new ChatStore(directory, options.tenantId(), options.clock());
            FaultSwitches faults = new FaultSwitches();
            AppRegistration app = new AppRegistration(options.tenantId(), options.clientId(), options.clientSecret(),
                    options.redirectUris());
            IdentityProvider identity = new IdentityProvider(app, directory, options.clock(), baseUrl);
            notifications = new Notifications(chats, directory, identity.signingKeys(), options.clock(),
                    options.delivery(), faults, baseUrl);
            GraphApi graph = new GraphApi(new GraphApi.Services(directory, chats, notifications.subscriptions(),
                    identity.verifier()), graphErrors, options.clock(), graphUrl(baseUrl), faults::throttling);
            identity.register(router);
            graph.register(router);
            new ControlRoutes(directory, identity, faults, server.stats(), notifications.stats()).register(router);
            new ChatControlRoutes(chats, directory).register(router);
            new SubscriptionControlRoutes(notifications.subscriptions(), notifications.lifecycle()).register(router);
            server.addInterceptor(graph.throttle()).start();
        } catch (RuntimeException e) {
            server.close();
            if (notifications != null) {
                notifications.close();
            }
            throw e;
        }
        log.info("Microsoft emulator ready at {} for tenant {} and client {}", server.baseUrl(), options.tenantId(),
                options.clientId());
        return new MicrosoftEmulator(server, notifications, options);
    }

    /** The authority URL: the bridge builds {@code {authority}/{tenant}/oauth2/v2.0/...} on it. */
    public URI baseUrl() {
        return server.baseUrl();
    }

    public URI graphUrl() {
        return graphUrl(baseUrl());
    }

    public String tenantId() {
        return options.tenantId();
    }

    public String clientId() {
        return options.clientId();
    }

    public String clientSecret() {
        return options.clientSecret();
    }

    /** A client for this emulator's {@code /_sandbox/} API. */
    public MicrosoftControlClient control() {
        return control;
    }

    @Override
    public void close() {
        server.close();
        notifications.close();
    }

    private static URI graphUrl(URI baseUrl) {
        return URI.create(baseUrl + GraphApi.PREFIX);
    }
}
