package io.teamsbridge.emulators.mattermost;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Bots, team listings and the privacy settings, as seen over REST. */
class AccountsTest {
    private static MattermostEmulator emulator;
    private static MattermostControlClient control;
    private static RestClient rest;
    private static String adminId;
    private static String adminToken;
    private static String userId;
    private static String userToken;

    @BeforeAll
    static void start() {
        emulator = MattermostEmulator.start(MattermostEmulatorOptions.defaults().withoutContract());
        control = emulator.control();
        rest = new RestClient(emulator.baseUrl());
        adminId = control.createUser("admin", "admin@example.com", "Ada", "Admin", "system_admin", "en");
        adminToken = control.createToken(adminId);
        userId = control.createUser("alice", "Alice@Example.com", "Alice", "Liddell", "system_user", "fr");
        userToken = control.createToken(userId);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void usersCarryWhetherTheirEmailIsVerifiedAndHowTheySignIn() {
        String unverified = control.createUser("unverified", "someone@example.com", "", "", "system_user", "en", false, "");
        String sso = control.createUser("viasaml", "saml@example.com", "", "", "system_user", "en", false, "saml");

        JsonNode plain = rest.get("/api/v4/users/" + userId, adminToken).json();
        assertThat(plain.get("email_verified").asBoolean()).isTrue();
        assertThat(plain.get("auth_service").stringValue()).isEmpty();
        JsonNode notVerified = rest.get("/api/v4/users/" + unverified, adminToken).json();
        assertThat(notVerified.get("email_verified").asBoolean()).isFalse();
        JsonNode saml = rest.get("/api/v4/users/" + sso, adminToken).json();
        assertThat(saml.get("auth_service").stringValue()).isEqualTo("saml");
    }

    @Test
    void aSystemAdminCreatesABotItOwns() {
        RestClient.Reply reply = rest.post("/api/v4/bots", adminToken,
                Map.of("username", "msteams-bridge", "display_name", "MS Teams", "description", "bridge"));

        assertThat(reply.status()).isEqualTo(201);
        JsonNode bot = reply.json();
        assertThat(bot.get("username").stringValue()).isEqualTo("msteams-bridge");
        assertThat(bot.get("owner_id").stringValue()).isEqualTo(adminId);
        assertThat(bot.get("user_id").stringValue()).matches("[a-z0-9]{26}");
        JsonNode user = rest.get("/api/v4/users/" + bot.get("user_id").stringValue(), adminToken).json();
        assertThat(user.get("is_bot").asBoolean()).isTrue();
        assertThat(user.get("email").stringValue()).isEqualTo("msteams-bridge@localhost");
        assertThat(rest.get("/api/v4/bots/" + bot.get("user_id").stringValue(), adminToken).status()).isEqualTo(200);
    }

    @Test
    void aBotCannotCreateBotsEvenAsSystemAdmin() {
        MattermostControlClient.Bot adminBot = control.createBot("adminbot", "Admin Bot", "system_user system_admin");

        RestClient.Reply reply = rest.post("/api/v4/bots", adminBot.token(), Map.of("username", "childbot"));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().get("id").stringValue()).isEqualTo("api.context.permissions.app_error");
    }

    @Test
    void aPlainUserCannotCreateBots() {
        assertThat(rest.post("/api/v4/bots", userToken, Map.of("username", "userbot")).status()).isEqualTo(403);
    }

    @Test
    void botCreationCanBeSwitchedOffLikeOnARealServer() {
        try {
            control.config(Map.of("EnableBotAccountCreation", false));
            RestClient.Reply reply = rest.post("/api/v4/bots", adminToken, Map.of("username", "offbot"));
            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.json().get("id").stringValue()).isEqualTo("api.bot.create_disabled");
        } finally {
            control.config(Map.of("EnableBotAccountCreation", true));
        }
    }

    @Test
    void privateTeamsAreListedToSystemAdminsOnly() {
        String open = control.createTeam("open-team", "Open Team", true);
        String closed = control.createTeam("closed-team", "Closed Team", false);

        List<String> asAdmin = ids(rest.get("/api/v4/teams", adminToken).json());
        List<String> asUser = ids(rest.get("/api/v4/teams", userToken).json());

        assertThat(asAdmin).contains(open, closed);
        assertThat(asUser).contains(open).doesNotContain(closed);
        JsonNode userView = rest.get("/api/v4/teams", userToken).json().get(0);
        assertThat(userView.get("invite_id").stringValue()).isEmpty();
        assertThat(rest.get("/api/v4/teams?page=0&per_page=1", adminToken).json().size()).isEqualTo(1);
    }

    @Test
    void usersSeeTheirOwnTeamsAndMembersOfTeamsTheyAreIn() {
        String team = control.createTeam("member-team");
        control.addTeamMember(team, userId);

        assertThat(ids(rest.get("/api/v4/users/me/teams", userToken).json())).containsExactly(team);
        assertThat(rest.get("/api/v4/users/" + adminId + "/teams", userToken).status()).isEqualTo(403);
        JsonNode members = rest.get("/api/v4/teams/" + team + "/members", userToken).json();
        assertThat(members.get(0).get("user_id").stringValue()).isEqualTo(userId);
        assertThat(members.get(0).get("roles").stringValue()).isEqualTo("team_user");
        String other = control.createTeam("other-team");
        assertThat(rest.get("/api/v4/teams/" + other + "/members", userToken).status()).isEqualTo(403);
    }

    @Test
    void emailLookupFollowsShowEmailAddress() {
        MattermostControlClient.Bot bot = control.createBot("privacybot", "Privacy Bot", null);
        assertThat(rest.get("/api/v4/users/email/alice@example.com", bot.token()).json().get("email").stringValue())
                .isEqualTo("alice@example.com");
        try {
            control.config(Map.of("ShowEmailAddress", false));

            RestClient.Reply denied = rest.get("/api/v4/users/email/alice@example.com", bot.token());
            assertThat(denied.status()).isEqualTo(403);
            assertThat(denied.json().get("id").stringValue())
                    .isEqualTo("api.user.get_user_by_email.permissions.app_error");
            assertThat(rest.get("/api/v4/users/" + userId, bot.token()).json().get("email").stringValue()).isEmpty();
            assertThat(rest.post("/api/v4/users/ids", bot.token(), List.of(userId)).json().get(0).get("email")
                    .stringValue()).isEmpty();
            assertThat(rest.get("/api/v4/users/email/alice@example.com", adminToken).json().get("id").stringValue())
                    .isEqualTo(userId);
            assertThat(rest.get("/api/v4/users/me", userToken).json().get("email").stringValue())
                    .isEqualTo("alice@example.com");
        } finally {
            control.config(Map.of("ShowEmailAddress", true));
        }
    }

    @Test
    void usersAreFoundByUsernameAndInBulkWithLocaleAndStatus() {
        JsonNode alice = rest.get("/api/v4/users/username/alice", userToken).json();
        assertThat(alice.get("locale").stringValue()).isEqualTo("fr");
        assertThat(alice.get("first_name").stringValue()).isEqualTo("Alice");
        assertThat(rest.post("/api/v4/users/usernames", userToken, List.of("alice", "nobody")).json().size())
                .isEqualTo(1);
        assertThat(rest.get("/api/v4/users/username/nobody", userToken).status()).isEqualTo(404);

        control.setStatus(userId, "dnd");
        JsonNode status = rest.get("/api/v4/users/" + userId + "/status", adminToken).json();
        assertThat(status.get("status").stringValue()).isEqualTo("dnd");
        assertThat(status.get("user_id").stringValue()).isEqualTo(userId);
        assertThat(rest.post("/api/v4/users/status/ids", adminToken, List.of(userId, adminId)).json().size())
                .isEqualTo(2);
    }

    private static List<String> ids(JsonNode array) {
        return array.values().stream().map(n -> n.get("id").stringValue()).toList();
    }
}
