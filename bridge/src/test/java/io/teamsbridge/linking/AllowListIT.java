package io.teamsbridge.linking;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamsbridge.store.AccountLinkRepository;
import io.teamsbridge.testing.BridgeExtension;
import io.teamsbridge.testing.World.Person;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The administrator's allow-list ({@code connections.allow-list}): usernames or emails. */
class AllowListIT {
    @RegisterExtension
    static final BridgeExtension bridge = new BridgeExtension(
            Map.of("connections.allow-list", "Allowed@Example.com, someone-else"));

    @Test
    void someoneOnTheListConnects() {
        Person allowed = bridge.world().personWithEmails("allowed", "allowed@example.com", "allowed@example.com");
        bridge.world().connected(allowed);
        assertThat(bridge.harness().bean(AccountLinkRepository.class).findByMattermostUser(allowed.mattermostUserId()))
                .isPresent();
    }

    @Test
    void someoneNotOnTheListIsToldSoAndGetsNoLink() {
        Person outsider = bridge.world().person("outsider");
        long states = bridge.harness().bean(JdbcClient.class).sql("SELECT COUNT(*) FROM oauth_state").query(Long.class).single();

        assertThat(bridge.world().command(outsider.mattermostUserId(), "connect"))
                .contains("allows only some people to connect Microsoft Teams, and you are not on that list")
                .doesNotContain("state=");

        assertThat(bridge.harness().bean(JdbcClient.class).sql("SELECT COUNT(*) FROM oauth_state").query(Long.class).single())
                .isEqualTo(states);
        assertThat(bridge.harness().bean(AccountLinkRepository.class).findByMattermostUser(outsider.mattermostUserId()))
                .isEmpty();
    }
}
