package io.teamsbridge.emulators.mattermost;

import io.teamsbridge.emulators.http.EmulatorServer;
import io.teamsbridge.emulators.http.Router;
import java.net.URI;
import java.time.Clock;
import java.util.List;

/**
 * A stand-in for a Mattermost server: the REST API v4 subset the bridge uses, behaving as the real
 * server does in everything the bridge relies on (see {@code shared/reference/mattermost-facts.md}),
 * plus the control API of {@code shared/design/SANDBOX.md} under {@code /_sandbox/}.
 *
 * <p>REST API ({@code /api/v4}): users (by id or "me", username, email, ids, usernames), statuses,
 * access tokens, teams and team members, bots, direct channels, posts (with
 * {@code pending_post_id} de-duplication, and threads: {@code root_id}, {@code posts/{id}/thread}),
 * reactions, ephemeral posts, button clicks ({@code posts/{id}/actions/{action_id}}), slash
 * command CRUD and execution, opening dialogs, the client config and ping. Every request except
 * ping, the client config, {@code actions/dialogs/open} and the WebSocket needs a token (Bearer or Token header, {@code MMAUTHTOKEN} cookie,
 * or {@code access_token}); errors are {@code AppError} JSON; every response has an
 * {@code X-Request-ID}. A command's {@code response_url} ({@code POST /hooks/commands/{id}}) takes
 * up to 5 delayed responses within 30 minutes. Requests pass, in order, the contract check
 * (recorded, never refused), the injected faults, the payload limit and the rate limiter.
 *
 * <p>WebSocket ({@code GET /api/v4/websocket}, same port; see {@code WebSocketRoute},
 * {@code WebSocketHub}, {@code WebSocketActions}): authenticated by the upgrade's token or by an
 * {@code authentication_challenge}; {@code hello} first, then {@code posted},
 * {@code post_edited}, {@code post_deleted}, {@code reaction_added}, {@code reaction_removed} and
 * {@code typing} events for the user's channels ({@code PostEvents}), each with the connection's
 * next {@code seq}; client actions answered with {@code seq_reply}; reconnects with
 * {@code connection_id} and {@code sequence_number} resume as the server's reliable WebSockets do
 * (replay from the last 128 events without {@code hello}, else a new connection id and
 * {@code hello}).
 *
 * <p>Control API, beyond SANDBOX.md's table:
 * <ul>
 *   <li>{@code POST /_sandbox/bots} {@code {username, displayName?, description?, roles?}} →
 *       {@code {id, token}}: a bot user and an access token in one step; roles e.g.
 *       {@code "system_user system_admin"} (the bot's owner is "sandbox");
 *   <li>{@code POST /_sandbox/users/{id}/tokens} → {@code {token}}: a session token for a user, as
 *       if they had signed in (works while {@code EnableUserAccessTokens} is off);
 *   <li>{@code GET /_sandbox/users}, {@code GET /_sandbox/teams}: what exists (teams with their
 *       town square's id);
 *   <li>{@code PUT /_sandbox/users/{id}/status} {@code {status, manual?}};
 *   <li>{@code POST /_sandbox/teams} also takes {@code open} (default true; false makes an
 *       invite-only team that only system admins list); {@code POST /_sandbox/teams/{id}/members}
 *       also takes {@code admin: true} (team admin, who may manage slash commands);
 *   <li>{@code GET /_sandbox/teams/{id}/commands}: the team's commands with url, trigger, token;
 *   <li>{@code DELETE /_sandbox/commands/{id}}: an admin deleting a command;
 *   <li>{@code GET /_sandbox/users/{id}/ephemeral-posts}: ephemeral posts the user saw (from
 *       {@code POST /posts/ephemeral}, ephemeral slash command responses and button replies);
 *   <li>{@code POST /_sandbox/posts/{id}/actions/{actionId}} {@code {userId, selectedOption?}} →
 *       {@code {status, response}}: the user clicks a message button;
 *   <li>{@code POST /_sandbox/dialogs/{id}/submit} also takes {@code cancelled} and returns
 *       {@code {status, response}};
 *   <li>{@code GET /_sandbox/config} and {@code GET /_sandbox/faults}: current values;
 *       {@code DELETE /_sandbox/stats}: zero the request counts;
 *   <li>{@code POST /_sandbox/users/{id}/bot-posts} also takes {@code botId} (which bot, when the
 *       user has several; see {@code ControlUserPostRoutes});
 *   <li>{@code GET /_sandbox/websockets}, {@code POST /_sandbox/websockets/drop}
 *       {@code {forget?}}: the WebSocket connections, and dropping them as a network failure (or
 *       a restart) would (see {@code ControlWebSocketRoutes}).
 * </ul>
 *
 * <p>Settings ({@code PUT /_sandbox/config}, Mattermost's names): {@code ShowEmailAddress},
 * {@code ShowFullName}, {@code RateLimitEnabled}, {@code RateLimitPerSec}, {@code MaxBurst},
 * {@code RateLimitVaryByUser}, {@code RateLimitVaryByHeader}, {@code EnableBotAccountCreation}
 * (true here, false on a real server), {@code EnableUserAccessTokens}, {@code EnableCommands},
 * {@code EnablePostUsernameOverride}, {@code EnablePostIconOverride}, {@code MaxPostSize},
 * {@code MaximumPayloadSizeBytes}, {@code OutgoingIntegrationRequestsTimeout}, {@code SiteURL},
 * {@code Version}.
 *
 * <p>Known differences from a real server: integrations on loopback are allowed (the server
 * blocks them unless listed in {@code AllowedUntrustedInternalConnections}); the command
 * response's {@code response_type} is reported as "ephemeral" where the integration left it
 * empty; action integrations are not stripped from posts sent to clients; the rate limiter's
 * remote address is always 127.0.0.1; WebSocket connections do not change users' statuses, binary
 * (msgpack) client messages are ignored, and only the events above are sent.
 */
public final class MattermostEmulator implements AutoCloseable {
    private final EmulatorServer server;
    private final ContractInterceptor contract;
    private final IntegrationClient integrations;
    private final MattermostWiring wiring;
    private final MattermostControlClient control;

    private MattermostEmulator(EmulatorServer server, ContractInterceptor contract, IntegrationClient integrations,
            MattermostWiring wiring) {
        this.server = server;
        this.contract = contract;
        this.integrations = integrations;
        this.wiring = wiring;
        this.control = new MattermostControlClient(server.baseUrl());
    }

    public static MattermostEmulator start(MattermostEmulatorOptions options) {
        Clock clock = options.clock();
        RequestContract requestContract = options.contract()
                .<RequestContract>map(ContractValidator::load)
                .orElse(RequestContract.NONE);
        Router router = new Router();
        EmulatorServer server = new EmulatorServer("Mattermost", options.port(), router, new AppErrorRenderer());
        MattermostWiring wiring = null;
        try {
            ServerConfig config = new ServerConfig(ServerSettings.defaults(server.baseUrl().toString()));
            ContractInterceptor contract = new ContractInterceptor(requestContract);
            FaultInterceptor faults = new FaultInterceptor();
            RateLimitInterceptor rateLimits = new RateLimitInterceptor(config, new GcraLimiter(clock));
            server.addInterceptor(contract)
                    .addInterceptor(faults)
                    .addInterceptor(new PayloadLimitInterceptor(config))
                    .addInterceptor(rateLimits);
            IntegrationClient integrations = new IntegrationClient(config);
            wiring = new MattermostWiring(clock, config, integrations);
            wiring.registerApi(router, rateLimits, faults);
            wiring.registerControl(router, faults, server.stats(), contract);
            server.start();
            return new MattermostEmulator(server, contract, integrations, wiring);
        } catch (RuntimeException e) {
            server.close();
            if (wiring != null) {
                wiring.close();
            }
            throw e;
        }
    }

    /** {@code http://127.0.0.1:PORT}, which is also the server's {@code SiteURL}. */
    public URI baseUrl() {
        return server.baseUrl();
    }

    /** A control client for this emulator (one shared instance, closed with the emulator). */
    public MattermostControlClient control() {
        return control;
    }

    /** Every REST request so far that broke the OpenAPI subset, human-readable, oldest first. */
    public List<String> contractViolations() {
        return contract.violations();
    }

    @Override
    public void close() {
        server.close();
        wiring.close();
        integrations.close();
        control.close();
    }
}
