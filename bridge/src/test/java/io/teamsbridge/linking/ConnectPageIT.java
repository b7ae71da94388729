package io.teamsbridge.linking;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamsbridge.testing.BridgeExtension;
import io.teamsbridge.testing.World;
import io.teamsbridge.testing.World.Person;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The connect link's page: it names the Mattermost account being connected and changes nothing;
 * only its own Continue button spends the link and goes on to Microsoft.
 */
class ConnectPageIT {
    @RegisterExtension
    static final BridgeExtension bridge = new BridgeExtension();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private World world() {
        return bridge.world();
    }

    private static HttpResponse<String> get(String link) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(link)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String link, String fetchSite, String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(bridge.harness().bridgeUrl() + "/connect"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("state=" + state(link)));
        if (fetchSite != null) {
            request.header("Sec-Fetch-Site", fetchSite);
        }
        if (origin != null) {
            request.header("Origin", origin);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String state(String link) {
        return link.substring(link.indexOf("state=") + "state=".length());
    }

    private String openedAt(String link) {
        return bridge.harness().bean(JdbcClient.class).sql("SELECT opened_at FROM oauth_state WHERE state_hash = ?")
                .param(io.teamsbridge.crypto.Tokens.sha256(state(link))).query(String.class).optional().orElse(null);
    }

    @Test
    void openingTheLinkShowsWhoseAccountItConnectsAndChangesNothing() throws Exception {
        String username = "nina" + System.nanoTime();
        String mmId = bridge.harness().chat().createUser(username, username + "@example.com", "Nina <b>the</b>",
                "O'Hara <script>alert(1)</script>", "system_user", "en");
        bridge.harness().chat().addTeamMember(world().teamId(), mmId);
        String teamsId = bridge.harness().teams().createUser("Nina Teams", username + "@example.com", username + "@example.com");
        String link = world().connectLink(new Person(mmId, teamsId, username, username + "@example.com"));

        for (int i = 0; i < 2; i++) {
            HttpResponse<String> page = get(link);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("@" + username).contains("id=\"continue\"").contains("method=\"post\"")
                    .contains("Nina &lt;b&gt;the&lt;/b&gt;").doesNotContain("<script>").doesNotContain("<b>the");
            assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v ->
                    assertThat(v).contains("default-src 'none'").contains("frame-ancestors 'none'"));
            assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(page.headers().allValues("Set-Cookie")).isEmpty();
        }
        assertThat(openedAt(link)).isNull();
    }

    @Test
    void continuingFromAnotherSiteIsRefusedAndLeavesTheLinkUsable() throws Exception {
        Person olga = world().person("olga");
        String link = world().connectLink(olga);

        for (List<String> headers : List.of(List.of("cross-site", ""), List.of("same-site", ""),
                List.of("cross-site", bridge.harness().bridgeUrl().toString()), List.of("", "https://evil.example"),
                List.of("", "http://127.0.0.1:1"))) {
            HttpResponse<String> refused = post(link, headers.get(0).isEmpty() ? null : headers.get(0),
                    headers.get(1).isEmpty() ? null : headers.get(1));
            assertThat(refused.statusCode()).as("%s", headers).isEqualTo(403);
            assertThat(refused.body()).contains("did not come from the connect page");
        }
        assertThat(openedAt(link)).isNull();

        world().connected(olga);
    }

    @Test
    void continuingSpendsTheLinkAndGoesToMicrosoft() throws Exception {
        Person pia = world().person("pia");
        String link = world().connectLink(pia);

        HttpResponse<String> toMicrosoft = post(link, "same-origin", bridge.harness().bridgeUrl().toString());

        assertThat(toMicrosoft.statusCode()).isEqualTo(303);
        assertThat(toMicrosoft.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                .startsWith(bridge.harness().microsoft().baseUrl().toString()).contains("/oauth2/v2.0/authorize")
                .contains("state=" + state(link)).contains("code_challenge_method=S256"));
        assertThat(toMicrosoft.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie ->
                assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/oauth/callback"));
        assertThat(openedAt(link)).isNotNull();

        HttpResponse<String> again = get(link);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("used already or has expired");
        assertThat(post(link, "same-origin", null).statusCode()).isEqualTo(400);
    }

    @Test
    void aGarbageOrMissingStateIsRefusedOnBothMethods() throws Exception {
        for (String query : List.of("", "?state=", "?state=forged", "?state=" + "x".repeat(300))) {
            HttpResponse<String> page = get(bridge.harness().bridgeUrl() + "/connect" + query);
            assertThat(page.statusCode()).isEqualTo(400);
            assertThat(page.body()).contains("not valid").doesNotContain("Exception");
        }
        HttpResponse<String> posted = HTTP.send(HttpRequest.newBuilder(URI.create(bridge.harness().bridgeUrl() + "/connect"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("state=forged"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(400);
    }
}
