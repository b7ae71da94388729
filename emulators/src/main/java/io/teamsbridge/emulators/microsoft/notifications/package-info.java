/**
 * Graph change notifications for chat messages: subscriptions (validated, handshaken, expiring,
 * within Graph's quotas per app and resource, per user and per organization), rich notifications
 * encrypted exactly as Graph does with signed validation tokens, batched webhook delivery with
 * retries and the control API's delivery faults, and lifecycle events.
 * {@link io.teamsbridge.emulators.microsoft.notifications.Notifications} wires it together.
 */
@NullMarked
package io.teamsbridge.emulators.microsoft.notifications;

import org.jspecify.annotations.NullMarked;
