package io.teamsbridge.emulators.mattermost;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AuthenticationTest {
    private static MattermostEmulator emulator;
    private static RestClient rest;
    private static MattermostControlClient.Bot bot;

    @BeforeAll
    static void start() {
        emulator = MattermostEmulator.start(MattermostEmulatorOptions.defaults().withoutContract());
        rest = new RestClient(emulator.baseUrl());
        bot = emulator.control().createBot("authbot", "Auth Bot", null);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void missingTokenIsA401AppErrorWithRequestId() {
        RestClient.Reply reply = rest.get("/api/v4/users/me", null);

        assertThat(reply.status()).isEqualTo(401);
        JsonNode error = reply.json();
        assertThat(error.get("id").stringValue()).isEqualTo("api.context.session_expired.app_error");
        assertThat(error.get("status_code").asInt()).isEqualTo(401);
        assertThat(error.get("detailed_error").stringValue()).isEmpty();
        assertThat(error.has("message")).isTrue();
        assertThat(reply.header("X-Request-ID")).matches("[a-z0-9]{26}");
        assertThat(error.get("request_id").stringValue()).isEqualTo(reply.header("X-Request-ID"));
    }

    @Test
    void unknownTokenIsA401() {
        RestClient.Reply reply = rest.get("/api/v4/users/me", "nosuchtokennosuchtoken1234");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().get("id").stringValue()).isEqualTo("api.context.session_expired.app_error");
    }

    @Test
    void tokenIsReadFromEveryPlaceTheServerReadsIt() {
        assertThat(rest.getWith("/api/v4/users/me", Map.of("Authorization", "BEARER " + bot.token())).status())
                .isEqualTo(200);
        assertThat(rest.getWith("/api/v4/users/me", Map.of("Authorization", "Token " + bot.token())).status())
                .isEqualTo(200);
        assertThat(rest.getWith("/api/v4/users/me", Map.of("Cookie", "MMAUTHTOKEN=" + bot.token())).status())
                .isEqualTo(200);
        assertThat(rest.get("/api/v4/users/me?access_token=" + bot.token(), null).status()).isEqualTo(200);
    }

    @Test
    void meIsTheBotWithSnakeCaseFields() {
        RestClient.Reply reply = rest.get("/api/v4/users/me", bot.token());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("X-Request-ID")).matches("[a-z0-9]{26}");
        JsonNode me = reply.json();
        assertThat(me.get("id").stringValue()).isEqualTo(bot.userId()).matches("[a-z0-9]{26}");
        assertThat(me.get("username").stringValue()).isEqualTo("authbot");
        assertThat(me.get("is_bot").asBoolean()).isTrue();
        assertThat(me.get("email").stringValue()).isEqualTo("authbot@localhost");
        assertThat(me.get("roles").stringValue()).isEqualTo("system_user");
        assertThat(me.has("create_at")).isTrue();
        assertThat(me.has("createAt")).isFalse();
    }

    @Test
    void pingAndClientConfigNeedNoToken() {
        assertThat(rest.get("/api/v4/system/ping", null).json().get("status").stringValue()).isEqualTo("OK");
        JsonNode config = rest.get("/api/v4/config/client?format=old", null).json();
        assertThat(config.get("MaxPostSize").stringValue()).isEqualTo("16383");
        assertThat(config.get("SiteURL").stringValue()).isEqualTo(emulator.baseUrl().toString());
        assertThat(rest.get("/api/v4/config/client", null).status()).isEqualTo(501);
    }

    @Test
    void personalAccessTokensOfUsersNeedEnableUserAccessTokensButBotTokensDoNot() {
        String adminId = emulator.control().createUser("tokenadmin", "tokenadmin@example.com", "", "",
                "system_user system_admin", "en");
        String adminSession = emulator.control().createToken(adminId);

        RestClient.Reply disabled = rest.post("/api/v4/users/" + adminId + "/tokens", adminSession,
                Map.of("description", "bridge"));
        assertThat(disabled.status()).isEqualTo(501);

        RestClient.Reply forBot = rest.post("/api/v4/users/" + bot.userId() + "/tokens", adminSession,
                Map.of("description", "bridge"));
        assertThat(forBot.status()).isEqualTo(200);
        String botToken = forBot.json().get("token").stringValue();
        assertThat(forBot.json().get("user_id").stringValue()).isEqualTo(bot.userId());
        assertThat(rest.get("/api/v4/users/me", botToken).json().get("id").stringValue()).isEqualTo(bot.userId());
    }

    @Test
    void unknownApiRouteIsA404AppError() {
        RestClient.Reply reply = rest.get("/api/v4/nothing/here", bot.token());

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().get("id").stringValue()).isEqualTo("api.context.404.app_error");
        assertThat(reply.header("X-Request-ID")).isNotNull();
    }
}
