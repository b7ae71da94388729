package io.teamsbridge.mattermost;

import io.teamsbridge.ops.Recent;
import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readiness' {@code mattermost} component: Mattermost answers and accepts the bot's token
 * ({@code GET /users/me}). The answer is reused for {@link #FRESH}, so a probe polled every second
 * costs Mattermost one request every so often.
 */
@Component("mattermostHealthIndicator")
class MattermostHealth implements HealthIndicator {
    static final Duration FRESH = Duration.ofSeconds(5);

    private final Recent<Health> health;

    MattermostHealth(MattermostClient client, io.teamsbridge.config.MattermostProperties settings) {
        this.health = new Recent<>(FRESH, () -> check(client, settings));
    }

    @Override
    public Health health() {
        return health.get();
    }

    private static Health check(MattermostClient client, io.teamsbridge.config.MattermostProperties settings) {
        try {
            MattermostWire.User bot = client.me();
            return Health.up().withDetail("bot", bot.username()).build();
        } catch (MattermostException e) {
            String reason = e.status() == 0 ? "Mattermost cannot be reached at " + settings.url() + ": " + e.getMessage()
                    : e.botUnauthorized() ? "Mattermost does not accept the bot token (mattermost.bot-token): create a new "
                            + "token for the bot account and set it"
                    : "Mattermost answered " + e.status() + " (" + e.errorId() + ") to GET /users/me";
            return Health.down().withDetail("reason", reason).build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("reason", "Mattermost's answer to GET /users/me could not be read: " + e.getMessage()).build();
        }
    }
}
