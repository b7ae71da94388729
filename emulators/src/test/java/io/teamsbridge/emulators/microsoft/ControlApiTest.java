package io.teamsbridge.emulators.microsoft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ControlApiTest {
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

    URI control(String path) {
        return URI.create(emulator.baseUrl() + "/_sandbox" + path);
    }

    @Test
    void createdUsersGetGuidIdsAndTheMailAsDefaultUpn() {
        String mail = "kat." + UUID.randomUUID() + "@contoso.test";
        String id = emulator.control().createUser("Katie Jordan", mail, null);

        assertThat(UUID.fromString(id).toString()).isEqualTo(id);
        JsonNode listed = null;
        for (JsonNode user : emulator.control().users()) {
            if (user.get("id").stringValue().equals(id)) {
                listed = user;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(listed.get("userPrincipalName").stringValue()).isEqualTo(mail);
        assertThat(listed.get("presence").get("availability").stringValue()).isEqualTo("Offline");
    }

    @Test
    void badUserInputIsA400WithAClearMessage() {
        HttpResponse<String> noName = flow.http.postJson(control("/users"), "{\"mail\":\"a@contoso.test\"}");
        HttpResponse<String> noAddress = flow.http.postJson(control("/users"), "{\"displayName\":\"Nobody\"}");
        HttpResponse<String> notJson = flow.http.postJson(control("/users"), "{displayName");
        String taken = "dup." + UUID.randomUUID() + "@contoso.test";
        emulator.control().createUser("First", taken, null);
        HttpResponse<String> duplicate = flow.http.postJson(control("/users"),
                "{\"displayName\":\"Second\",\"mail\":\"" + taken + "\"}");

        assertThat(noName.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(noName).get("message").stringValue()).contains("displayName");
        assertThat(noAddress.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(noAddress).get("message").stringValue()).contains("userPrincipalName");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(duplicate.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(duplicate).get("message").stringValue()).contains("already exists");
    }

    @Test
    void aSessionForAnUnknownUserIsRefused() {
        assertThatThrownBy(() -> emulator.control().setSession(UUID.randomUUID().toString()))
                .hasMessageContaining("400").hasMessageContaining("no user with id");
    }

    @Test
    void revokingAnUnknownUserIs404() {
        assertThatThrownBy(() -> emulator.control().revoke(UUID.randomUUID().toString())).hasMessageContaining("404");
    }

    @Test
    void faultsAreStoredAndMergedAndValidated() {
        emulator.control().faults(Map.of("duplicateDeliveries", true, "deliveryDelayMs", 250));
        emulator.control().faults(Map.of("failDeliveries", 3));

        JsonNode faults = TestHttp.json(flow.http.get(control("/faults")));
        assertThat(faults.get("throttle").asBoolean()).as("on by default, as SANDBOX.md says").isTrue();
        assertThat(faults.get("duplicateDeliveries").asBoolean()).isTrue();
        assertThat(faults.get("deliveryDelayMs").asLong()).isEqualTo(250);
        assertThat(faults.get("failDeliveries").asInt()).isEqualTo(3);

        HttpResponse<String> wrongType = flow.http.putJson(control("/faults"), "{\"throttle\":\"yes\"}");
        HttpResponse<String> unknown = flow.http.putJson(control("/faults"), "{\"explode\":true}");
        HttpResponse<String> negative = flow.http.putJson(control("/faults"), "{\"failDeliveries\":-1}");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(wrongType).get("message").stringValue()).contains("throttle");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(negative.statusCode()).isEqualTo(400);
        emulator.control().faults(Map.of("duplicateDeliveries", false, "deliveryDelayMs", 0, "failDeliveries", 0));
    }

    @Test
    void statsCountGraphAndIdentityRequestsPerTemplateButNotControlCalls() {
        String userId = emulator.control().createUser("Alex Wilber", "alex." + UUID.randomUUID() + "@contoso.test",
                null);
        long usersBefore = count("GET /v1.0/users/{id}");
        long tokensBefore = count("POST /{tenant}/oauth2/v2.0/token");
        String token = flow.appToken();

        flow.graph("/users/" + userId, token);
        flow.graph("/users/" + userId, token);

        JsonNode stats = emulator.control().stats();
        assertThat(stats.get("requests").get("GET /v1.0/users/{id}").asLong()).isEqualTo(usersBefore + 2);
        assertThat(stats.get("requests").get("POST /{tenant}/oauth2/v2.0/token").asLong()).isEqualTo(tokensBefore + 1);
        assertThat(stats.get("notificationsSent").asInt()).isZero();
        assertThat(stats.get("deliveryFailures").asInt()).isZero();
        assertThat(stats.get("requests").properties()).noneMatch(e -> e.getKey().contains("_sandbox"));
    }

    private long count(String key) {
        JsonNode value = emulator.control().stats().get("requests").get(key);
        return value == null ? 0 : value.asLong();
    }
}
