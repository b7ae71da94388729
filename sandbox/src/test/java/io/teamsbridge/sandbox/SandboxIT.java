package io.teamsbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamsbridge.config.MattermostProperties;
import io.teamsbridge.emulators.mattermost.MattermostControlClient;
import io.teamsbridge.emulators.microsoft.MicrosoftControlClient;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandbox as a person uses it: start it, read the ready file, and connect an account through
 * the emulators' control API and a browser-like HTTP client.
 */
class SandboxIT {
    private static Sandbox sandbox;
    private static Path readyFile;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        readyFile = dir.resolve("ready.json");
        // A bridge setting in Spring's relaxed spelling, over the sandbox's own 5s.
        sandbox = Sandbox.start(SandboxOptions.parse("--port-bridge", "0", "--port-mattermost=0", "--port-microsoft", "0",
                "--ready-file", readyFile.toString(), "--mattermost.commandSyncInterval=3s"));
        Files.writeString(readyFile, sandbox.readyJson());
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private static String link(String reply) {
        Matcher m = Pattern.compile("\\]\\((http[^)]+/connect\\?state=[^)]+)\\)").matcher(reply);
        assertThat(m.find()).as(reply).isTrue();
        return m.group(1);
    }

    /** Follows a connect link as a person does: opens its page and presses Continue, in one browser. */
    private static HttpResponse<String> connectVia(String link) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<String> confirm = browser.send(HttpRequest.newBuilder(URI.create(link)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(confirm.body()).contains("id=\"continue\"");
        String state = link.substring(link.indexOf("state=") + "state=".length());
        return browser.send(HttpRequest.newBuilder(URI.create(link.substring(0, link.indexOf('?'))))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Sec-Fetch-Site", "same-origin").POST(HttpRequest.BodyPublishers.ofString("state=" + state)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> browse(String url) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        return browser.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theReadyLineAndFileNameEveryAddress() throws Exception {
        JsonNode ready = JsonMapper.builder().build().readTree(Files.readString(readyFile));
        assertThat(sandbox.readyLine()).matches(
                "SANDBOX READY bridge=http://127\\.0\\.0\\.1:\\d+ mattermost=http://127\\.0\\.0\\.1:\\d+ microsoft=http://127\\.0\\.0\\.1:\\d+ ui=http://127\\.0\\.0\\.1:\\d+/sandbox/");
        assertThat(ready.path("bridge").asString()).isEqualTo(sandbox.bridgeUrl().toString());
        assertThat(ready.path("mattermost").asString()).isEqualTo(sandbox.mattermostUrl().toString());
        assertThat(ready.path("microsoft").asString()).isEqualTo(sandbox.microsoftUrl().toString());
        assertThat(browse(ready.path("ui").asString()).statusCode()).isEqualTo(200);
    }

    @Test
    void aBridgeSettingOnTheCommandLineWinsOverTheSandboxsOwn() {
        assertThat(sandbox.bridgeContext().getBean(MattermostProperties.class).commandSyncInterval())
                .isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void thePageShowsBothSidesAndItsApiListsThePeopleOnEach() throws Exception {
        assertThat(browse(sandbox.uiUrl().toString()).body()).contains("id=\"teams\"").contains("id=\"mattermost\"")
                .contains("id=\"decision-log\"");
        assertThat(browse(sandbox.bridgeUrl() + "/sandbox/sandbox.js").statusCode()).isEqualTo(200);
        JsonNode teams = JsonMapper.builder().build().readTree(browse(sandbox.bridgeUrl() + "/sandbox/api/teams/users").body());
        JsonNode mattermost = JsonMapper.builder().build().readTree(
                browse(sandbox.bridgeUrl() + "/sandbox/api/mattermost/users").body());
        assertThat(teams.values().stream().map(u -> u.path("displayName").asString())).contains("Alice Archer", "Bob Baker");
        assertThat(mattermost.values().stream().map(u -> u.path("username").asString())).contains("alice", "bob")
                .doesNotContain("teams-bridge");
    }

    @Test
    void theDemoWorldIsSeededOnBothSides() {
        assertThat(sandbox.world().people()).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(p -> assertThat(p.mattermostUserId()).isNotBlank());
    }

    @Test
    void aPersonWithTheSameEmailOnBothSidesConnectsThroughTheControlApi() throws Exception {
        MattermostControlClient mattermost = new MattermostControlClient(sandbox.mattermostUrl());
        MicrosoftControlClient microsoft = new MicrosoftControlClient(sandbox.microsoftUrl());
        String team = mattermost.createTeam("handmade");
        String mmUser = mattermost.createUser("zoe", "zoe@example.org");
        mattermost.addTeamMember(team, mmUser);
        String teamsUser = microsoft.createUser("Zoe Zimmer", "zoe@example.org", "zoe@example.org");
        microsoft.setSession(teamsUser);
        String reply = awaitCommand(mattermost, mmUser, team, "/msteams connect");

        HttpResponse<String> page = connectVia(link(reply));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Connected to Microsoft Teams");
        assertThat(awaitCommand(mattermost, mmUser, team, "/msteams status"))
                .startsWith("You are connected to Microsoft Teams as **Zoe Zimmer**");
        assertThat(mattermost.botPosts(mmUser)).anySatisfy(p -> assertThat(p.path("message").asString())
                .contains("You're connected to Microsoft Teams"));
    }

    @Test
    void differentEmailsEndOnAnErrorPageThatNamesTheMismatch() throws Exception {
        MattermostControlClient mattermost = new MattermostControlClient(sandbox.mattermostUrl());
        MicrosoftControlClient microsoft = new MicrosoftControlClient(sandbox.microsoftUrl());
        String team = mattermost.createTeam("mismatch");
        String mmUser = mattermost.createUser("yan", "yan@example.org");
        mattermost.addTeamMember(team, mmUser);
        String teamsUser = microsoft.createUser("Yan Young", "yan.young@contoso.example", null);
        microsoft.setSession(teamsUser);

        HttpResponse<String> page = connectVia(link(awaitCommand(mattermost, mmUser, team, "/msteams connect")));

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("email does not match").contains("yan.young@contoso.example").contains("yan@example.org");
        assertThat(awaitCommand(mattermost, mmUser, team, "/msteams status"))
                .startsWith("You are not connected");
    }

    @Test
    void aRichMessageToAnAwayColleagueArrivesAsMarkdownWithATeamsLink() throws Exception {
        MattermostControlClient mattermost = new MattermostControlClient(sandbox.mattermostUrl());
        MicrosoftControlClient microsoft = new MicrosoftControlClient(sandbox.microsoftUrl());
        DemoWorld world = sandbox.world();
        DemoWorld.DemoPerson alice = world.people().get(0);
        DemoWorld.DemoPerson bob = world.people().get(1);
        for (DemoWorld.DemoPerson person : java.util.List.of(alice, bob)) {
            microsoft.setSession(person.teamsUserId());
            assertThat(connectVia(link(awaitCommand(mattermost, person.mattermostUserId(), world.teamId(), "/msteams connect")))
                    .statusCode()).isEqualTo(200);
        }
        microsoft.setPresence(bob.teamsUserId(), "Away", "Away");
        String chat = world.chats().getFirst().id();

        microsoft.postMessage(chat, alice.teamsUserId(), "html",
                "<p><strong>Release</strong> is ready, <at id=\"0\">Bob Baker</at>:</p><ul><li>notes</li><li>"
                        + "<a href=\"https://example.com/release\">download</a></li></ul>",
                java.util.List.of(new MicrosoftControlClient.Mention(0, "Bob Baker", bob.teamsUserId())), java.util.List.of());

        String post = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                mattermost.botPosts(bob.mattermostUserId()).stream().map(p -> p.path("message").asString())
                        .filter(m -> m.contains("Release")).findFirst().orElse(null), java.util.Objects::nonNull);
        assertThat(post).contains("**Alice Archer**").contains("**Release** is ready").contains("@bob")
                .contains("- notes").contains("[download](https://example.com/release)")
                .contains("[Open in Microsoft Teams](https://teams.microsoft.com/l/message/");
        assertThat(mattermost.botPosts(alice.mattermostUserId()).stream().map(p -> p.path("message").asString()))
                .noneMatch(m -> m.contains("Release"));
    }

    /** A new team gets the command within the sync interval; the test waits for it instead of forcing a sync. */
    /** Runs the command until it is registered; returns what only the user saw (answer and private replies). */
    private static String awaitCommand(MattermostControlClient mattermost, String user, String team, String command) {
        int before = mattermost.ephemeralPosts(user).size();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> mattermost.executeCommand(user, team, command), r -> r.status() == 200);
        java.util.List<JsonNode> seen = mattermost.ephemeralPosts(user);
        return String.join("\n\n", seen.subList(before, seen.size()).stream().map(p -> p.path("message").asString()).toList());
    }
}
