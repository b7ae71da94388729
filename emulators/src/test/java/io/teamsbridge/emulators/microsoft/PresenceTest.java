package io.teamsbridge.emulators.microsoft;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PresenceTest {
    static MicrosoftEmulator emulator;
    static OAuthFlow flow;

    @BeforeAll
    static void start() {
        emulator = MicrosoftEmulator.start(MicrosoftEmulatorOptions.defaults());
        flow = new OAuthFlow(emulator);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    static String newUser() {
        return emulator.control().createUser("Isaiah Langer", "isaiah." + UUID.randomUUID() + "@contoso.test", null);
    }

    @Test
    void presenceIsOfflineUntilSet() {
        String userId = newUser();
        String token = flow.appToken();

        JsonNode before = TestHttp.json(flow.graph("/users/" + userId + "/presence", token));
        emulator.control().setPresence(userId, "Busy", "InACall");
        JsonNode after = TestHttp.json(flow.graph("/users/" + userId + "/presence", token));

        assertThat(before.get("availability").stringValue()).isEqualTo("Offline");
        assertThat(before.get("activity").stringValue()).isEqualTo("Offline");
        assertThat(after.get("id").stringValue()).isEqualTo(userId);
        assertThat(after.get("availability").stringValue()).isEqualTo("Busy");
        assertThat(after.get("activity").stringValue()).isEqualTo("InACall");
    }

    @Test
    void everyPairTheBridgeDecidesOnCanBeSetAndReadBack() {
        String userId = newUser();
        String token = flow.appToken();
        List<List<String>> pairs = List.of(List.of("Away", "Away"), List.of("Offline", "OffWork"),
                List.of("Available", "Available"), List.of("Busy", "InAMeeting"), List.of("DoNotDisturb", "Presenting"),
                List.of("BeRightBack", "BeRightBack"), List.of("AvailableIdle", "Available"),
                List.of("PresenceUnknown", "PresenceUnknown"), List.of("BusyIdle", "Busy"),
                List.of("Away", "OutOfOffice"));

        for (List<String> pair : pairs) {
            emulator.control().setPresence(userId, pair.get(0), pair.get(1));
            JsonNode presence = TestHttp.json(flow.graph("/users/" + userId + "/presence", token));
            assertThat(List.of(presence.get("availability").stringValue(), presence.get("activity").stringValue()))
                    .isEqualTo(pair);
        }
    }

    @Test
    void getPresencesByUserIdAnswersForEveryKnownId() {
        String a = newUser();
        String b = newUser();
        emulator.control().setPresence(a, "Available", "Available");

        HttpResponse<String> response = flow.http.postJson(
                URI.create(emulator.graphUrl() + "/communications/getPresencesByUserId"),
                "{\"ids\":[\"" + a + "\",\"" + b + "\"]}", "Authorization", "Bearer " + flow.appToken());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode value = TestHttp.json(response).get("value");
        assertThat(value.size()).isEqualTo(2);
        assertThat(value.get(0).get("availability").stringValue()).isEqualTo("Available");
        assertThat(value.get(1).get("availability").stringValue()).isEqualTo("Offline");
    }

    @Test
    void getPresencesByUserIdRefusesMoreThan650Ids() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 651; i++) {
            ids.add("\"" + UUID.randomUUID() + "\"");
        }

        HttpResponse<String> response = flow.http.postJson(
                URI.create(emulator.graphUrl() + "/communications/getPresencesByUserId"),
                "{\"ids\":[" + String.join(",", ids) + "]}", "Authorization", "Bearer " + flow.appToken());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(response).get("error").get("code").stringValue()).isEqualTo("BadRequest");
    }

    @Test
    void theControlApiRefusesAnUndocumentedAvailability() {
        String userId = newUser();

        HttpResponse<String> response = flow.http.putJson(
                URI.create(emulator.baseUrl() + "/_sandbox/users/" + userId + "/presence"),
                "{\"availability\":\"Bussy\",\"activity\":\"InACall\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(response).get("message").stringValue()).contains("Bussy");
    }
}
