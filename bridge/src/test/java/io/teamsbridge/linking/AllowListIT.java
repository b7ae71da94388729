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

    @Test
    void anAllowedUsernameWrittenIntoTheCommandRequestDoesNotLetSomeoneElseIn() throws Exception {
        Person outsider = bridge.world().person("outsider");
        String token = bridge.harness().chat().commands(bridge.world().teamId()).stream()
                .filter(c -> "msteams".equals(c.path("trigger").asString())).findFirst().orElseThrow().path("token").asString();
        long states = bridge.harness().bean(JdbcClient.class).sql("SELECT COUNT(*) FROM oauth_state").query(Long.class).single();
        String form = "token=" + token + "&team_id=" + bridge.world().teamId() + "&user_id=" + outsider.mattermostUserId()
                + "&user_name=someone-else&command=%2Fmsteams&text=connect";

        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(bridge.harness().bridgeUrl() + "/mattermost/command"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(bridge.harness().bean(JdbcClient.class).sql("SELECT COUNT(*) FROM oauth_state").query(Long.class).single())
                .isEqualTo(states);
    }
}
