package io.teamsbridge.emulators.microsoft;

import io.teamsbridge.emulators.http.EmulatorServer;
import io.teamsbridge.emulators.http.Router;
import io.teamsbridge.emulators.microsoft.chats.ChatStore;
import io.teamsbridge.emulators.microsoft.chats.MessageAttachment;
import io.teamsbridge.emulators.microsoft.chats.MessageDraft;
import io.teamsbridge.emulators.microsoft.chats.MessageMention;
import io.teamsbridge.emulators.microsoft.directory.UserDirectory;
import io.teamsbridge.emulators.microsoft.drive.SharedFiles;
import io.teamsbridge.emulators.microsoft.graph.GraphApi;
import io.teamsbridge.emulators.microsoft.graph.GraphErrors;
import io.teamsbridge.emulators.microsoft.identity.AppRegistration;
import io.teamsbridge.emulators.microsoft.identity.IdentityProvider;
import io.teamsbridge.emulators.microsoft.notifications.Notifications;
import java.net.URI;
import java.util.List;
import java.util.UUID;
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
    private final ChatStore chats;
    private final UserDirectory directory;

    private MicrosoftEmulator(EmulatorServer server, Notifications notifications, MicrosoftEmulatorOptions options,
            ChatStore chats, UserDirectory directory) {
        this.server = server;
        this.notifications = notifications;
        this.options = options;
        this.chats = chats;
        this.directory = directory;
        this.control = new MicrosoftControlClient(server.baseUrl());
    }

    public static MicrosoftEmulator start(MicrosoftEmulatorOptions options) {
        Router router = new Router();
        GraphErrors graphErrors = new GraphErrors(options.clock());
        // The server binds its port here, so the URLs the routes publish are known before they are added.
        EmulatorServer server = new EmulatorServer("Microsoft", options.port(), router,
                new MicrosoftErrors(graphErrors, options.clock()));
        Notifications notifications = null;
        UserDirectory directory = new UserDirectory();
        ChatStore chats = new ChatStore(directory, options.tenantId(), options.clock(), graphUrl(server.baseUrl()));
        try {
            URI baseUrl = server.baseUrl();
            FaultSwitches faults = new FaultSwitches();
            AppRegistration app = new AppRegistration(options.tenantId(), options.clientId(), options.clientSecret(),
                    options.redirectUris());
            IdentityProvider identity = new IdentityProvider(app, directory, options.clock(), baseUrl);
            notifications = new Notifications(chats, directory, identity.signingKeys(), options.clock(),
                    options.delivery(), faults, baseUrl);
            SharedFiles files = new SharedFiles();
            GraphApi graph = new GraphApi(new GraphApi.Services(directory, chats, notifications.subscriptions(),
                    identity.verifier(), files), graphErrors, options.clock(), graphUrl(baseUrl), faults::throttling,
                    faults::throttleAll);
            identity.register(router);
            graph.register(router);
            new ControlRoutes(directory, identity, faults, server.stats(), notifications.stats(),
                    notifications.quotas()).register(router);
            new DriveControlRoutes(files, identity.consent()).register(router);
            new ChatControlRoutes(chats, directory).register(router);
            new SubscriptionControlRoutes(notifications.subscriptions(), notifications.lifecycle(), options.tenantId(),
                    options.clientId()).register(router);
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
        return new MicrosoftEmulator(server, notifications, options, chats, directory);
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

    /**
     * Writes a message exactly as the control API's {@code POST /_sandbox/chats/{id}/messages} does,
     * but in this process, without an HTTP round trip: for a load generator that shares the machine
     * with what it measures. Answers the message's id.
     *
     * @throws IllegalArgumentException when the chat, the sender or a mentioned user does not exist
     */
    public String postMessage(String chatId, String fromUserId, String contentType, String content,
            List<MicrosoftControlClient.Mention> mentions, List<MicrosoftControlClient.Attachment> attachments) {
        List<MessageMention> resolved = mentions.stream().map(m -> new MessageMention(m.id(), m.mentionText(), m.userId(),
                directory.byId(m.userId()).orElseThrow(() -> new IllegalArgumentException("A mention names user '"
                        + m.userId() + "', who does not exist.")).displayName())).toList();
        List<MessageAttachment> files = attachments.stream().map(a -> new MessageAttachment(
                a.id() != null ? a.id() : UUID.randomUUID().toString(), a.contentType(), a.contentUrl(), a.content(),
                a.name(), a.thumbnailUrl(), a.teamsAppId())).toList();
        return chats.post(chatId, new MessageDraft(fromUserId, contentType, content, resolved, files)).id();
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
