package io.teamsbridge.config;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Replies written in Mattermost, sent into the Teams chat as the person who wrote them.
 *
 * @param enabled listen for replies in the bot's direct channels and ask new sign-ins for the
 *     delegated permission ChatMessage.Send; off, threads stay one-way
 * @param giveUpAfter a reply Teams could not take for this long (unreachable, or throttling
 *     throughout) is not sent, and its writer is told so
 * @param lookBack the furthest back the bridge looks for replies written while it was not
 *     listening (stopped, or disconnected from Mattermost's WebSocket)
 */
@Validated
@ConfigurationProperties("replies")
public record RepliesProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1h") @NotNull @DurationMin(minutes = 1) Duration giveUpAfter,
        @DefaultValue("24h") @NotNull @DurationMin(minutes = 5) Duration lookBack) {}
