package io.teamsbridge.microsoft;

import io.teamsbridge.ops.Recent;
import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readiness' {@code microsoft} component: the app's token for Graph is obtainable (a cached one that
 * is still valid counts: that is what the workers use). Reused for {@link #FRESH}.
 */
@Component("microsoftHealthIndicator")
class MicrosoftHealth implements HealthIndicator {
    static final Duration FRESH = Duration.ofSeconds(5);

    private final Recent<Health> health;

    MicrosoftHealth(AppTokens tokens) {
        this.health = new Recent<>(FRESH, () -> check(tokens));
    }

    @Override
    public Health health() {
        return health.get();
    }

    private static Health check(AppTokens tokens) {
        try {
            tokens.token();
            return Health.up().build();
        } catch (MicrosoftIdentityException e) {
            return Health.down().withDetail("reason", "no application token for Graph: " + e.getMessage()).build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("reason", "no application token for Graph: " + e).build();
        }
    }
}
