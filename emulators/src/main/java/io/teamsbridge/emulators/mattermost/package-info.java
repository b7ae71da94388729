/**
 * The Mattermost emulator: {@link io.teamsbridge.emulators.mattermost.MattermostEmulator} and its
 * options and control client are the public face; everything else is package-private.
 *
 * <p>Shape: stores per aggregate ({@code UserStore}, {@code TeamStore}, {@code ChannelStore},
 * {@code PostStore}, {@code ReactionStore}, {@code CommandStore}, {@code DialogStore}, ...) hold
 * thread-safe in-memory state; routes are grouped by area ({@code UserRoutes}, {@code PostRoutes},
 * {@code ReactionRoutes}, ..., {@code Control*Routes}); interceptors add the contract check,
 * faults, the payload limit and rate limiting; {@code CommandExecutor}, {@code DialogSubmitter}
 * and {@code PostActions} call the integration over HTTP as the server does. The WebSocket is
 * {@code WebSocketRoute} (upgrades), {@code WebSocketSession} (one socket),
 * {@code WebSocketActions} (client messages), {@code WebSocketHub} and {@code WebConn}
 * (connections, broadcast, resume), fed by {@code PostEvents}, which {@code PostStore} tells of
 * every change. Wire records are serialised with snake_case names ({@code Wire}); errors are
 * {@code AppError}s.
 */
package io.teamsbridge.emulators.mattermost;
