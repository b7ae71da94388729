/**
 * The emulated Microsoft Graph v1.0 subset: bearer-token checks, Graph's JSON and error shapes and
 * response headers, per-app-per-tenant throttling, and the resources: users, presence, chats with
 * their members and messages, subscriptions, and {@code $batch}.
 * {@link io.teamsbridge.emulators.microsoft.graph.GraphApi} is the entry point.
 */
@NullMarked
package io.teamsbridge.emulators.microsoft.graph;

import org.jspecify.annotations.NullMarked;
