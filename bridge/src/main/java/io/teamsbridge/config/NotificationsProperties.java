package io.teamsbridge.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Chat notifications.
 *
 * @param enabled the global switch: when false nobody is notified; accounts stay connected
 * @param maxAge a notification that could not be delivered within this time is given up (counted
 *     and logged)
 * @param batchSize how many received notifications a worker takes at once (their presence is
 *     looked up together)
 * @param batchLinger after a batch that was not full, how long the worker waits before claiming the
 *     next, so that notifications arriving meanwhile share it (each batch costs the same database
 *     statements and commits whatever its size); zero claims at once (at most 1s)
 * @param commitLinger while notification requests come hard on each other's heels, how long each
 *     one's commit may wait for later ones to share it (the commit, not the statement, is what a
 *     write costs); the answer to Graph is delayed by at most this; zero commits each at once (at most 1s)
 * @param concurrency how many chats are processed at the same time
 * @param claimLease claims are renewed every quarter of this while their batch runs; the claims of
 *     a worker that died are handed to another worker once this has passed since their last renewal
 * @param maxBodySize the largest notification request accepted from Microsoft Graph
 * @param presenceCacheTtl how long a user's Teams presence is reused
 * @param chatCacheTtl how long a chat's members are reused before Graph is asked again
 * @param retryMaxDelay the longest wait between two attempts at a notification that could not be
 *     delivered (the wait doubles from 2 seconds up to this)
 * @param catchUpWindow when Graph reports missed notifications or a removed subscription without
 *     saying since when, the messages changed in this much time before are fetched again
 * @param decisionsKept how long each user's decisions (delivered, or why not) are kept for
 *     {@code /msteams status}
 */
@Validated
@ConfigurationProperties("notifications")
public record NotificationsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("24h") @NotNull Duration maxAge,
        @DefaultValue("200") @Min(1) @Max(1000) int batchSize,
        @DefaultValue("50ms") @NotNull @DurationMin(millis = 0) @DurationMax(seconds = 1) Duration batchLinger,
        @DefaultValue("10ms") @NotNull @DurationMin(millis = 0) @DurationMax(seconds = 1) Duration commitLinger,
        @DefaultValue("32") @Min(1) @Max(256) int concurrency,
        @DefaultValue("1m") @NotNull Duration claimLease,
        @DefaultValue("4MB") @NotNull org.springframework.util.unit.DataSize maxBodySize,
        @DefaultValue("20s") @NotNull Duration presenceCacheTtl,
        @DefaultValue("10m") @NotNull Duration chatCacheTtl,
        @DefaultValue("5m") @NotNull Duration retryMaxDelay,
        @DefaultValue("1h") @NotNull Duration catchUpWindow,
        @DefaultValue("7d") @NotNull Duration decisionsKept) {}
