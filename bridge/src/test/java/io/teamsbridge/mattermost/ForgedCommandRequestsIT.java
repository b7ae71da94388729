package io.teamsbridge.mattermost;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamsbridge.linking.NotificationPreferences;
import io.teamsbridge.testing.BridgeExtension;
import io.teamsbridge.testing.World;
import io.teamsbridge.testing.World.Person;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Requests to the command endpoint that did not come from Mattermost are refused and change nothing. */
class ForgedCommandRequestsIT {
    @RegisterExtension
    static final BridgeExtension bridge = new BridgeExtension();

    private static Person victim;
    private static String otherTeam;
    private static String realToken;

    @BeforeAll
    static void world() {
        World world = bridge.world();
        victim = world.connected(world.person("victim"));
        otherTeam = bridge.harness().chat().createTeam("other");
        bridge.harness().bean("commandSyncJob", io.teamsbridge.ops.PeriodicJob.class).runNow();
        realToken = bridge.harness().chat().commands(world.teamId()).stream()
                .filter(c -> "msteams".equals(c.path("trigger").asString()))
                .findFirst().orElseThrow().path("token").asString();
    }

    private HttpResponse<String> post(Map<String, String> form, String authorization) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(bridge.harness().bridgeUrl() + "/mattermost/command"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private Map<String, String> form(String team, String token, String text) {
        Map<String, String> form = new LinkedHashMap<>();
        if (token != null) {
            form.put("token", token);
        }
        form.put("team_id", team);
        form.put("user_id", victim.mattermostUserId());
        form.put("command", "/msteams");
        form.put("text", text);
        return form;
    }

    private long rows(String table) {
        return bridge.harness().bean(JdbcClient.class).sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    private void assertNothingChanged(long states, long links) {
        assertThat(rows("oauth_state")).isEqualTo(states);
        assertThat(rows("account_link")).isEqualTo(links);
        assertThat(bridge.harness().bean(NotificationPreferences.class).enabled(victim.mattermostUserId())).isTrue();
    }

    @Test
    void aRequestWithoutATokenIs401AndChangesNothing() throws Exception {
        long states = rows("oauth_state"), links = rows("account_link");
        HttpResponse<String> response = post(form(bridge.world().teamId(), null, "notifications off"), null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("Exception").contains("command token is missing");
        assertNothingChanged(states, links);
    }

    @Test
    void aWrongTokenIs403AndChangesNothing() throws Exception {
        long states = rows("oauth_state"), links = rows("account_link");
        assertThat(post(form(bridge.world().teamId(), "x".repeat(26), "notifications off"), null).statusCode()).isEqualTo(403);
        assertThat(post(form(bridge.world().teamId(), null, "disconnect"), "Token " + "y".repeat(26)).statusCode()).isEqualTo(403);
        assertThat(post(form(bridge.world().teamId(), realToken.substring(0, 25) + "z", "connect"), null).statusCode()).isEqualTo(403);
        assertNothingChanged(states, links);
    }

    @Test
    void anUnknownTeamIs403AndChangesNothing() throws Exception {
        long states = rows("oauth_state"), links = rows("account_link");
        assertThat(post(form("unknownteamid0000000000000", realToken, "disconnect"), null).statusCode()).isEqualTo(403);
        assertNothingChanged(states, links);
    }

    @Test
    void anotherTeamsTokenIs403AndChangesNothing() throws Exception {
        long states = rows("oauth_state"), links = rows("account_link");
        assertThat(post(form(otherTeam, realToken, "notifications off"), null).statusCode()).isEqualTo(403);
        assertNothingChanged(states, links);
    }

    @Test
    void theRealTokenIsAcceptedInTheHeaderOrTheForm() throws Exception {
        HttpResponse<String> viaForm = post(form(bridge.world().teamId(), realToken, "status"), null);
        HttpResponse<String> viaHeader = post(form(bridge.world().teamId(), null, "status"), "Token " + realToken);
        assertThat(viaForm.statusCode()).isEqualTo(200);
        assertThat(viaHeader.statusCode()).isEqualTo(200);
        assertThat(viaForm.body()).contains("\"response_type\":\"ephemeral\"").contains("You are connected");
    }
}
