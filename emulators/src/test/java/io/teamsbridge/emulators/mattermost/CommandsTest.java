package io.teamsbridge.emulators.mattermost;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Slash command CRUD over REST, and running commands against a real HTTP endpoint. */
class CommandsTest {
    private static MattermostEmulator emulator;
    private static MattermostControlClient control;
    private static RestClient rest;
    private static FakeIntegration integration;
    private static MattermostControlClient.Bot adminBot;
    private static int teams;
    private String teamId;
    private String userId;

    @BeforeAll
    static void start() throws IOException {
        emulator = MattermostEmulator.start(MattermostEmulatorOptions.defaults().withoutContract());
        control = emulator.control();
        rest = new RestClient(emulator.baseUrl());
        integration = new FakeIntegration();
        adminBot = control.createBot("commandbot", "Command Bot", "system_user system_admin");
    }

    @AfterAll
    static void stop() {
        emulator.close();
        integration.close();
    }

    @BeforeEach
    void world() {
        teams++;
        teamId = control.createTeam("team-" + teams, "Team " + teams, true);
        userId = control.createUser("user" + teams, "user" + teams + "@example.com");
        control.addTeamMember(teamId, userId);
    }

    private Map<String, Object> command(String trigger, String method) {
        return Map.of("team_id", teamId, "trigger", trigger, "url", integration.url("/mattermost/command"),
                "method", method, "auto_complete", true, "auto_complete_hint", "[connect|status]");
    }

    private JsonNode register(String trigger, String method) {
        RestClient.Reply reply = rest.post("/api/v4/commands", adminBot.token(), command(trigger, method));
        assertThat(reply.status()).isEqualTo(201);
        return reply.json();
    }

    @Test
    void aSystemAdminRegistersACommandWithAGeneratedToken() {
        RestClient.Reply reply = rest.post("/api/v4/commands", adminBot.token(), command("MSTeams", "P"));

        assertThat(reply.status()).isEqualTo(201);
        JsonNode created = reply.json();
        assertThat(created.get("trigger").stringValue()).isEqualTo("msteams");
        assertThat(created.get("token").stringValue()).matches("[a-z0-9]{26}");
        assertThat(created.get("creator_id").stringValue()).isEqualTo(adminBot.userId());
        assertThat(created.get("auto_complete_hint").stringValue()).isEqualTo("[connect|status]");
        assertThat(control.commands(teamId)).singleElement()
                .satisfies(c -> assertThat(c.get("url").stringValue()).isEqualTo(integration.url("/mattermost/command")));
    }

    @Test
    void aTeamAdminMayRegisterButAPlainMemberMayNot() {
        String member = control.createToken(userId);
        RestClient.Reply denied = rest.post("/api/v4/commands", member, command("msteams", "P"));
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.json().get("id").stringValue()).isEqualTo("api.context.permissions.app_error");

        MattermostControlClient.Bot plainBot = control.createBot("plainbot" + teams, "Plain", null);
        control.addTeamMember(teamId, plainBot.userId());
        assertThat(rest.post("/api/v4/commands", plainBot.token(), command("msteams", "P")).status()).isEqualTo(403);

        control.addTeamMember(teamId, plainBot.userId(), true);
        assertThat(rest.post("/api/v4/commands", plainBot.token(), command("msteams", "P")).status()).isEqualTo(201);
    }

    @Test
    void aTriggerIsUniqueInItsTeamAndMayNotShadowABuiltIn() {
        register("msteams", "P");

        RestClient.Reply duplicate = rest.post("/api/v4/commands", adminBot.token(), command("msteams", "P"));
        RestClient.Reply builtIn = rest.post("/api/v4/commands", adminBot.token(), command("echo", "P"));

        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.json().get("id").stringValue()).isEqualTo("api.command.duplicate_trigger.app_error");
        assertThat(builtIn.json().get("id").stringValue()).isEqualTo("api.command.duplicate_trigger.app_error");
    }

    @Test
    void invalidCommandsAreRefusedWithTheServersIds() {
        Map<String, String> cases = Map.of(
                "/msteams", "model.command.is_valid.trigger.app_error",
                "ms teams", "model.command.is_valid.trigger.app_error");
        cases.forEach((trigger, id) -> assertThat(
                rest.post("/api/v4/commands", adminBot.token(), command(trigger, "P")).json().get("id").stringValue())
                .isEqualTo(id));
        assertThat(rest.post("/api/v4/commands", adminBot.token(), Map.of("team_id", teamId, "trigger", "x",
                "url", "ftp://example.com", "method", "P")).json().get("id").stringValue())
                .isEqualTo("model.command.is_valid.url_http.app_error");
        assertThat(rest.post("/api/v4/commands", adminBot.token(), command("ok", "X")).json().get("id").stringValue())
                .isEqualTo("model.command.is_valid.method.app_error");
    }

    @Test
    void commandsAreListedReadUpdatedRegeneratedAndDeleted() {
        JsonNode created = register("msteams", "P");
        String id = created.get("id").stringValue();

        JsonNode listed = rest.get("/api/v4/commands?team_id=" + teamId + "&custom_only=true", adminBot.token()).json();
        assertThat(listed).hasSize(1);
        assertThat(rest.get("/api/v4/commands/" + id, adminBot.token()).json().get("trigger").stringValue())
                .isEqualTo("msteams");

        Map<String, Object> change = Map.of("id", id, "team_id", teamId, "trigger", "msteams", "method", "P",
                "url", integration.url("/moved"), "auto_complete_desc", "Manage MS Teams");
        JsonNode updated = rest.put("/api/v4/commands/" + id, adminBot.token(), change).json();
        assertThat(updated.get("url").stringValue()).isEqualTo(integration.url("/moved"));
        assertThat(updated.get("token").stringValue()).isEqualTo(created.get("token").stringValue());

        String newToken = rest.put("/api/v4/commands/" + id + "/regen_token", adminBot.token(), Map.of()).json()
                .get("token").stringValue();
        assertThat(newToken).matches("[a-z0-9]{26}").isNotEqualTo(created.get("token").stringValue());

        String member = control.createToken(userId);
        assertThat(rest.get("/api/v4/commands/" + id, member).status()).isEqualTo(404);
        assertThat(rest.get("/api/v4/commands?team_id=" + teamId + "&custom_only=true", member).status())
                .isEqualTo(403);

        assertThat(rest.delete("/api/v4/commands/" + id, adminBot.token()).status()).isEqualTo(200);
        assertThat(control.commands(teamId)).isEmpty();
    }

    @Test
    void executingSendsTheServersFormRequestAndShowsTheJsonResponse() {
        JsonNode command = register("msteams", "P");
        integration.answer(200, "application/json; charset=utf-8",
                "{\"text\":\"Connect here: <https://login.example/x|sign in>\",\"props\":{\"a\":1}}");

        MattermostControlClient.CommandResult result = control.executeCommand(userId, teamId, "/MSTeams  connect now");

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.response().get("response_type").stringValue()).isEqualTo("ephemeral");
        assertThat(result.response().get("text").stringValue()).isEqualTo("Connect here: [sign in](https://login.example/x)");
        assertThat(result.response().get("trigger_id").stringValue()).matches("[a-z0-9]{26}");

        FakeIntegration.Received request = integration.last();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.headers().getFirst("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(request.headers().getFirst("Authorization")).isEqualTo("Token " + command.get("token").stringValue());
        assertThat(request.headers().getFirst("Accept")).isEqualTo("application/json");
        assertThat(request.headers().getFirst("User-Agent")).isEqualTo("Mattermost-Bot/1.1");
        assertThat(request.field("token")).isEqualTo(command.get("token").stringValue());
        assertThat(request.field("team_id")).isEqualTo(teamId);
        assertThat(request.field("team_domain")).isEqualTo("team-" + teams);
        assertThat(request.field("channel_name")).isEqualTo("town-square");
        assertThat(request.field("channel_id")).matches("[a-z0-9]{26}");
        assertThat(request.field("user_id")).isEqualTo(userId);
        assertThat(request.field("user_name")).isEqualTo("user" + teams);
        assertThat(request.field("command")).isEqualTo("/msteams");
        assertThat(request.field("text")).isEqualTo(" connect now");
        assertThat(request.field("trigger_id")).isNotEmpty();
        assertThat(request.field("root_id")).isEmpty();
        assertThat(request.field("response_url")).startsWith(emulator.baseUrl() + "/hooks/commands/");
        assertThat(control.ephemeralPosts(userId)).singleElement()
                .satisfies(p -> assertThat(p.get("props").get("from_webhook").stringValue()).isEqualTo("true"));
    }

    @Test
    void aGetCommandSendsTheFieldsInTheQuery() {
        register("msteams", "G");
        integration.answer(200, "application/json", "{\"response_type\":\"in_channel\",\"text\":\"hi all\"}");

        MattermostControlClient.CommandResult result = control.executeCommand(userId, teamId, "/msteams status");

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.response().get("response_type").stringValue()).isEqualTo("in_channel");
        assertThat(integration.last().method()).isEqualTo("GET");
        assertThat(integration.last().field("text")).isEqualTo("status");
    }

    @Test
    void aNonJsonReplyBecomesTheText() {
        register("msteams", "P");
        integration.answer(200, "text/plain", "plain words");

        MattermostControlClient.CommandResult result = control.executeCommand(userId, teamId, "/msteams help");

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.response().get("text").stringValue()).isEqualTo("plain words");
    }

    @Test
    void anErrorStatusIsShownAsTheServersError() {
        register("msteams", "P");
        integration.answer(500, "application/json", "{\"text\":\"boom\"}");

        MattermostControlClient.CommandResult result = control.executeCommand(userId, teamId, "/msteams");

        assertThat(result.status()).isEqualTo(500);
        assertThat(result.response().get("id").stringValue())
                .isEqualTo("api.command.execute_command.failed_resp.app_error");
        assertThat(result.response().get("message").stringValue()).contains("500 Internal Server Error");
    }

    @Test
    void anUnreachableIntegrationFails() throws IOException {
        int deadPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        rest.post("/api/v4/commands", adminBot.token(), Map.of("team_id", teamId, "trigger", "dead",
                "url", "http://127.0.0.1:" + deadPort + "/x", "method", "P"));

        MattermostControlClient.CommandResult result = control.executeCommand(userId, teamId, "/dead");

        assertThat(result.status()).isEqualTo(500);
        assertThat(result.response().get("id").stringValue()).isEqualTo("api.command.execute_command.failed.app_error");
    }

    @Test
    void anUnknownTriggerIsNotFound() {
        MattermostControlClient.CommandResult result = control.executeCommand(userId, teamId, "/msteams connect");

        assertThat(result.status()).isEqualTo(404);
        assertThat(result.response().get("id").stringValue())
                .isEqualTo("api.command.execute_command.not_found.app_error");
    }

    @Test
    void aCommandDeletedByAnAdminIsNoLongerFound() {
        String id = register("msteams", "P").get("id").stringValue();

        control.deleteCommand(id);

        assertThat(control.executeCommand(userId, teamId, "/msteams").status()).isEqualTo(404);
    }

    @Test
    void aUserOutsideTheTeamCannotRunItsCommands() {
        register("msteams", "P");
        String outsider = control.createUser("outsider" + teams, "outsider" + teams + "@example.com");

        assertThat(control.executeCommand(outsider, teamId, "/msteams").status()).isEqualTo(403);
    }

    @Test
    void theTriggerIdOpensADialogWhoseSubmissionIsPostedBack() {
        register("msteams", "P");
        control.executeCommand(userId, teamId, "/msteams settings");
        String triggerId = integration.last().field("trigger_id");
        integration.answer(200, "application/json", "");

        RestClient.Reply opened = rest.post("/api/v4/actions/dialogs/open", null, Map.of("trigger_id", triggerId,
                "url", integration.url("/dialog"), "dialog", Map.of("callback_id", "settings", "title", "Settings",
                        "elements", List.of(Map.of("name", "notify", "type", "bool", "display_name", "Notify")),
                        "state", "s1")));
        assertThat(opened.status()).isEqualTo(200);
        assertThat(rest.post("/api/v4/actions/dialogs/open", null, Map.of("trigger_id", "forged", "url", "http://x",
                "dialog", Map.of("title", "t", "elements", List.of()))).status()).isEqualTo(400);

        List<JsonNode> dialogs = control.dialogs(userId);
        assertThat(dialogs).singleElement()
                .satisfies(d -> assertThat(d.get("dialog").get("title").stringValue()).isEqualTo("Settings"));

        MattermostControlClient.CallbackResult result =
                control.submitDialog(dialogs.getFirst().get("id").stringValue(), Map.of("notify", true), false);

        assertThat(result.status()).isEqualTo(200);
        FakeIntegration.Received submission = integration.last();
        assertThat(submission.headers().getFirst("Authorization")).isNull();
        JsonNode payload = io.teamsbridge.emulators.http.Json.parse(submission.body().getBytes());
        assertThat(payload.get("type").stringValue()).isEqualTo("dialog_submission");
        assertThat(payload.get("callback_id").stringValue()).isEqualTo("settings");
        assertThat(payload.get("state").stringValue()).isEqualTo("s1");
        assertThat(payload.get("user_id").stringValue()).isEqualTo(userId);
        assertThat(payload.get("team_id").stringValue()).isEqualTo(teamId);
        assertThat(payload.get("submission").get("notify").asBoolean()).isTrue();
        assertThat(control.dialogs(userId)).isEmpty();
    }
}
