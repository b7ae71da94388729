package io.teamsbridge.emulators.mattermost;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamsbridge.emulators.http.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Callbacks into the bridge besides the command itself: response_url and message buttons. */
class IntegrationCallbacksTest {
    private static MattermostEmulator emulator;
    private static MattermostControlClient control;
    private static RestClient rest;
    private static FakeIntegration integration;
    private static MattermostControlClient.Bot bot;
    private static String teamId;

    @BeforeAll
    static void start() throws IOException {
        emulator = MattermostEmulator.start(MattermostEmulatorOptions.defaults().withoutContract());
        control = emulator.control();
        rest = new RestClient(emulator.baseUrl());
        integration = new FakeIntegration();
        bot = control.createBot("callbackbot", "Callback Bot", "system_admin");
        teamId = control.createTeam("callbacks");
        rest.post("/api/v4/commands", bot.token(), Map.of("team_id", teamId, "trigger", "msteams",
                "url", integration.url("/command"), "method", "P"));
    }

    @AfterAll
    static void stop() {
        emulator.close();
        integration.close();
    }

    @Test
    void theResponseUrlTakesFiveDelayedResponses() {
        String userId = control.createUser("delayed", "delayed@example.com");
        control.addTeamMember(teamId, userId);
        integration.answer(200, "application/json", "{\"text\":\"working on it\"}");
        control.executeCommand(userId, teamId, "/msteams connect");
        String responseUrl = integration.last().field("response_url");

        for (int i = 1; i <= 5; i++) {
            RestClient.Reply reply = rest.post(responseUrl, null, Map.of("text", "update " + i));
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body()).isEqualTo("ok");
        }
        RestClient.Reply sixth = rest.post(responseUrl, null, Map.of("text", "too many"));

        assertThat(sixth.status()).isEqualTo(400);
        assertThat(control.ephemeralPosts(userId)).extracting(p -> p.get("message").stringValue())
                .containsExactly("working on it", "update 1", "update 2", "update 3", "update 4", "update 5");
    }

    @Test
    void clickingAButtonPostsTheActionAndAppliesTheUpdateAndEphemeralText() {
        String userId = control.createUser("clicker", "clicker@example.com");
        String channelId = rest.post("/api/v4/channels/direct", bot.token(), List.of(bot.userId(), userId)).json()
                .get("id").stringValue();
        Map<String, Object> attachment = Map.of("text", "Notifications are on", "actions", List.of(Map.of(
                "name", "Turn off", "type", "button",
                "integration", Map.of("url", integration.url("/action"), "context", Map.of("secret", "s3")))));
        JsonNode post = rest.post("/api/v4/posts", bot.token(), Map.of("channel_id", channelId, "message", "",
                "props", Map.of("attachments", List.of(attachment)))).json();
        String actionId = post.get("props").get("attachments").get(0).get("actions").get(0).get("id").stringValue();
        assertThat(actionId).matches("[a-z0-9]{26}");
        integration.answer(200, "application/json", "{\"update\":{\"message\":\"Notifications are off\"},"
                + "\"ephemeral_text\":\"Done.\"}");

        RestClient.Reply clicked = rest.post("/api/v4/posts/" + post.get("id").stringValue() + "/actions/" + actionId,
                control.createToken(userId), Map.of());

        assertThat(clicked.status()).isEqualTo(200);
        assertThat(clicked.json().get("status").stringValue()).isEqualTo("OK");
        JsonNode sent = Json.parse(integration.last().body().getBytes(StandardCharsets.UTF_8));
        assertThat(integration.last().headers().getFirst("Authorization")).isNull();
        assertThat(sent.get("user_id").stringValue()).isEqualTo(userId);
        assertThat(sent.get("user_name").stringValue()).isEqualTo("clicker");
        assertThat(sent.get("post_id").stringValue()).isEqualTo(post.get("id").stringValue());
        assertThat(sent.get("channel_id").stringValue()).isEqualTo(channelId);
        assertThat(sent.get("context").get("secret").stringValue()).isEqualTo("s3");
        assertThat(sent.get("trigger_id").stringValue()).isNotEmpty();
        assertThat(control.botPosts(userId)).singleElement().satisfies(p -> {
            assertThat(p.get("message").stringValue()).isEqualTo("Notifications are off");
            assertThat(p.get("props").get("from_bot").stringValue()).isEqualTo("true");
        });
        assertThat(control.ephemeralPosts(userId)).extracting(p -> p.get("message").stringValue())
                .containsExactly("Done.");
    }

    @Test
    void aButtonOnAnEphemeralPostWorksForTheUserWhoSawItAndItsUpdateReplacesIt() {
        String userId = control.createUser("ephclick", "ephclick@example.com");
        String channelId = rest.post("/api/v4/channels/direct", bot.token(), List.of(bot.userId(), userId)).json()
                .get("id").stringValue();
        Map<String, Object> action = Map.of("id", "opensettings", "name", "Settings", "type", "button",
                "integration", Map.of("url", integration.url("/action"), "context", Map.of("k", "v")));
        JsonNode shown = rest.post("/api/v4/posts/ephemeral", bot.token(), Map.of("user_id", userId, "post", Map.of(
                "channel_id", channelId, "message", "You are connected.", "props",
                Map.of("attachments", List.of(Map.of("actions", List.of(action))))))).json();
        integration.answer(200, "application/json", "{\"update\":{\"message\":\"Opened your settings.\"}}");

        var pressed = control.clickButton(shown.get("id").stringValue(), "opensettings", userId);

        assertThat(pressed.status()).isEqualTo(200);
        JsonNode sent = Json.parse(integration.last().body().getBytes(StandardCharsets.UTF_8));
        assertThat(sent.get("post_id").stringValue()).isEqualTo(shown.get("id").stringValue());
        assertThat(sent.get("context").get("k").stringValue()).isEqualTo("v");
        assertThat(control.ephemeralPosts(userId)).singleElement()
                .satisfies(p -> assertThat(p.get("message").stringValue()).isEqualTo("Opened your settings."));
        String other = control.createUser("notshown", "notshown@example.com");
        assertThat(control.clickButton(shown.get("id").stringValue(), "opensettings", other).status())
                .as("someone who was not shown the post cannot press it").isEqualTo(404);
    }

    @Test
    void aFailingButtonIntegrationIsAnError() {
        String userId = control.createUser("failclick", "failclick@example.com");
        String channelId = rest.post("/api/v4/channels/direct", bot.token(), List.of(bot.userId(), userId)).json()
                .get("id").stringValue();
        JsonNode post = rest.post("/api/v4/posts", bot.token(), Map.of("channel_id", channelId, "message", "m",
                "props", Map.of("attachments", List.of(Map.of("actions", List.of(Map.of("id", "turnoff",
                        "name", "Turn off", "integration", Map.of("url", integration.url("/action"))))))))).json();
        integration.answer(500, "text/plain", "boom");

        MattermostControlClient.CallbackResult result =
                control.clickButton(post.get("id").stringValue(), "turnoff", userId);

        assertThat(result.status()).isEqualTo(502);
        assertThat(result.response().get("id").stringValue())
                .isEqualTo("api.post.do_action.action_integration.app_error");
    }
}
