package io.teamsbridge.mattermost;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamsbridge.linking.NotificationPreferences;
import io.teamsbridge.testing.BridgeExtension;
import io.teamsbridge.testing.World;
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
        HttpResponse<String> viaForm = post(form(bridge.world().teamId(), realToken, "help"), null);
        HttpResponse<String> viaHeader = post(form(bridge.world().teamId(), null, "help"), "Token " + realToken);
        assertThat(viaForm.statusCode()).isEqualTo(200);
        assertThat(viaHeader.statusCode()).isEqualTo(200);
        assertThat(viaForm.body()).contains("\"response_type\":\"ephemeral\"").contains("/msteams connect");
    }

    @Test
    void aValidTokenInAnotherUsersNameNeitherChangesNorRevealsAnything() throws Exception {
        long states = rows("oauth_state"), links = rows("account_link");
        String team = bridge.world().teamId();
        for (String text : java.util.List.of("disconnect", "notifications off", "notifications", "status", "connect",
                "notifications on")) {
            HttpResponse<String> response = post(form(team, realToken, text), null);
            assertThat(response.statusCode()).as(text).isEqualTo(200);
            assertThat(response.body()).as(text).doesNotContain(victim.username()).doesNotContain(victim.email())
                    .doesNotContain("state=").doesNotContain("connected").doesNotContain("**on**").doesNotContain("**off**");
        }
        assertThat(rows("account_link")).isEqualTo(links);
        assertThat(bridge.harness().bean(NotificationPreferences.class).enabled(victim.mattermostUserId())).isTrue();
        assertThat(rows("oauth_state")).isEqualTo(states);
        // What the requests would have shown went to the victim alone.
        assertThat(bridge.harness().chat().ephemeralPosts(victim.mattermostUserId()).toString()
                + bridge.harness().chat().botPosts(victim.mattermostUserId())).contains("You are connected")
                .contains("already connected");
    }

    @Test
    void anAnswerToAChangeRequestIsTheSameWhateverTheUserAndTheirState() throws Exception {
        String team = bridge.world().teamId();
        String stranger = bridge.world().mattermostUser("stranger");
        for (String text : java.util.List.of("disconnect", "notifications off", "notifications on")) {
            String forVictim = post(form(team, realToken, text), null).body();
            Map<String, String> asStranger = form(team, realToken, text);
            asStranger.put("user_id", stranger);
            assertThat(post(asStranger, null).body()).as(text).isEqualTo(forVictim);
        }
    }

    // ---- the confirm button ----------------------------------------------------------------

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    private HttpResponse<String> press(String userId, tools.jackson.databind.JsonNode context) throws Exception {
        return press("application/json", JSON.writeValueAsString(Map.of("user_id", userId, "context", context)));
    }

    private HttpResponse<String> press(String contentType, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(bridge.harness().bridgeUrl() + "/mattermost/actions"))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static tools.jackson.databind.JsonNode contextOf(tools.jackson.databind.JsonNode post) {
        return post.path("props").path("attachments").get(0).path("actions").get(0).path("integration").path("context");
    }

    @Test
    void aConfirmButtonWorksOnlyForItsUserItsActionAndItsTime() throws Exception {
        World world = bridge.world();
        Person owner = world.connected(world.person("owner"));
        String attacker = world.mattermostUser("attacker");
        world.command(owner.mattermostUserId(), "notifications off");
        tools.jackson.databind.JsonNode context = contextOf(world.lastConfirmation(owner.mattermostUserId()));
        NotificationPreferences preferences = bridge.harness().bean(NotificationPreferences.class);

        // Someone else pressing it, or presenting it as theirs, is refused.
        assertThat(press(attacker, context).statusCode()).isEqualTo(403);
        // Any field changed breaks the MAC: another action, another user, a later expiry, no MAC.
        for (String[] change : new String[][] {{"action", "disconnect"}, {"user_id", attacker}, {"expires", "99999999999"},
                {"mac", "AAAA"}}) {
            tools.jackson.databind.node.ObjectNode tampered = ((tools.jackson.databind.node.ObjectNode) context).deepCopy();
            tampered.put(change[0], change[1]);
            assertThat(press(change[0].equals("user_id") ? attacker : owner.mattermostUserId(), tampered).statusCode())
                    .as(change[0]).isEqualTo(403);
        }
        assertThat(preferences.enabled(owner.mattermostUserId())).isTrue();
        assertThat(bridge.harness().bean(io.teamsbridge.store.AccountLinkRepository.class)
                .findByMattermostUser(owner.mattermostUserId())).isPresent();

        // The owner presses it: done; pressed again (a replay): the same, nothing more.
        assertThat(world.confirm(owner.mattermostUserId())).contains("notifications are **off**");
        assertThat(press(owner.mattermostUserId(), context).statusCode()).isEqualTo(200);
        assertThat(preferences.enabled(owner.mattermostUserId())).isFalse();

        // A button kept past its ten minutes changes nothing.
        world.command(owner.mattermostUserId(), "notifications on");
        tools.jackson.databind.JsonNode later = contextOf(world.lastConfirmation(owner.mattermostUserId()));
        bridge.harness().clock().advance(java.time.Duration.ofMinutes(11));
        HttpResponse<String> expired = press(owner.mattermostUserId(), later);
        assertThat(expired.statusCode()).isEqualTo(200);
        assertThat(expired.body()).contains("expired");
        assertThat(preferences.enabled(owner.mattermostUserId())).isFalse();
    }

    @Test
    void malformedButtonRequestsAreRefused() throws Exception {
        assertThat(press("text/plain", "{}").statusCode()).isEqualTo(415);
        assertThat(press("application/json", "{").statusCode()).isEqualTo(400);
        assertThat(press("application/json", "[]").statusCode()).isEqualTo(400);
        assertThat(press("application/json", "{\"user_id\":\"" + "u".repeat(20_000) + "\"}").statusCode()).isEqualTo(413);
        assertThat(press("application/json", "{\"user_id\":\"abc\",\"context\":" + "[".repeat(100) + "]".repeat(100) + "}")
                .statusCode()).isEqualTo(400);
        assertThat(press("application/json", "{\"user_id\":\"abc\"}").statusCode()).isEqualTo(403);
    }
}
