package io.teamsbridge.emulators.mattermost;

import io.teamsbridge.emulators.http.RequestStats;
import io.teamsbridge.emulators.http.Router;
import java.time.Clock;

/**
 * Builds one emulator's state (the stores), the services over it, and registers the REST,
 * WebSocket and control routes. Everything lives as long as the emulator; nothing is shared
 * between emulators. Closing it stops the WebSocket hub's timers.
 */
final class MattermostWiring implements AutoCloseable {
    private final Clock clock;
    private final ServerConfig config;
    private final UserStore users = new UserStore();
    private final TokenStore tokens = new TokenStore();
    private final TeamStore teams = new TeamStore();
    private final ChannelStore channels;
    private final PostStore posts;
    private final ReactionStore reactions = new ReactionStore();
    private final WebSocketHub hub;
    private final PostEvents events;
    private final FileStore files = new FileStore();
    private final CommandStore commands = new CommandStore();
    private final DialogStore dialogs;
    private final Permissions permissions;
    private final BotAccounts bots;
    private final PostCreator postCreator;
    private final CommandExecutor executor;
    private final DialogSubmitter submitter;
    private final CommandWebhooks hooks;
    private final CommandResponseApplier applier;
    private final PostActions postActions;

    MattermostWiring(Clock clock, ServerConfig config, IntegrationClient integrations) {
        this.clock = clock;
        this.config = config;
        this.channels = new ChannelStore(clock);
        this.hub = new WebSocketHub(channels, config, clock);
        this.events = new PostEvents(users, channels, config, hub);
        this.posts = new PostStore(events);
        this.dialogs = new DialogStore(clock);
        this.permissions = new Permissions(teams, channels);
        this.bots = new BotAccounts(users, clock);
        this.postCreator = new PostCreator(posts, files, channels, new PendingPostIds(clock), config, clock);
        this.applier = new CommandResponseApplier(postCreator, posts, channels, config, clock);
        this.hooks = new CommandWebhooks(clock);
        this.executor = new CommandExecutor(new CommandScopes(users, teams, channels, permissions), commands, dialogs,
                config, hooks, new CommandDispatcher(integrations, applier));
        this.submitter = new DialogSubmitter(dialogs, integrations);
        this.postActions = new PostActions(posts, channels, teams, dialogs, integrations, clock);
    }

    void registerApi(Router router, RateLimitInterceptor rateLimits, FaultInterceptor faults) {
        Authenticator authenticator = new Authenticator(tokens, users, config);
        ApiRouter api = new ApiRouter(router, authenticator, rateLimits);
        new UserRoutes(users, tokens, permissions, config).register(api);
        new TeamRoutes(teams, users, permissions).register(api);
        new BotRoutes(bots, users, permissions, config).register(api);
        new ChannelRoutes(channels, users, permissions).register(api);
        new PostRoutes(posts, postCreator, channels, permissions, clock, faults).register(api);
        new PostActionRoutes(postActions).register(api);
        new CommandRoutes(commands, permissions, users, config, clock).register(api);
        new CommandExecuteRoute(executor).register(api);
        new DialogRoutes(dialogs, config).register(api);
        new SystemRoutes(config).register(api);
        new FileRoutes(files, channels, posts, permissions, config, clock).register(api);
        new CommandHookRoutes(hooks, applier).register(api);
        new ReactionRoutes(reactions, posts, channels, permissions, events, clock).register(api);
        new WebSocketRoute(authenticator, hub,
                new WebSocketActions(authenticator, channels, permissions, hub, config, clock)).register(api);
    }

    void registerControl(Router router, FaultInterceptor faults, RequestStats stats, ContractInterceptor contract) {
        new ControlAccountRoutes(users, tokens, bots, clock).register(router);
        new ControlTeamRoutes(teams, channels, users, clock).register(router);
        new ControlServerRoutes(config, faults, stats, contract).register(router);
        new ControlCommandRoutes(users, executor, commands, dialogs, submitter).register(router);
        new ControlPostRoutes(users, channels, posts, files, postActions).register(router);
        new ControlUserPostRoutes(users, channels, posts, postCreator).register(router);
        new ControlWebSocketRoutes(hub).register(router);
    }

    @Override
    public void close() {
        hub.close();
    }
}
