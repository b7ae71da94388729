package io.teamsbridge.config;

import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may connect.
 *
 * @param maxUsers the most Mattermost accounts that may be connected at once; 0 means no limit
 * @param allowList Mattermost usernames or email addresses allowed to connect; empty allows all
 * @param linkLifetime how long a connect link stays valid
 * @param refreshInterval how often each connection's Microsoft token is refreshed, which keeps it
 *     alive and notices a revoked connection
 * @param requireVerifiedEmail connect only Mattermost accounts whose email Mattermost vouches for
 *     (verified, or signed in through SSO): the email is what ties the two accounts together
 */
@Validated
@ConfigurationProperties("connections")
public record ConnectionsProperties(
        @DefaultValue("0") @PositiveOrZero int maxUsers,
        @DefaultValue List<String> allowList,
        @DefaultValue("10m") Duration linkLifetime,
        @DefaultValue("12h") Duration refreshInterval,
        @DefaultValue("true") boolean requireVerifiedEmail) {

    /** The allow-list entries, trimmed and lower-cased. */
    public Set<String> allowed() {
        return allowList.stream()
                .map(s -> s.trim().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
