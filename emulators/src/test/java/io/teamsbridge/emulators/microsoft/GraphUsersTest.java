package io.teamsbridge.emulators.microsoft;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class GraphUsersTest {
    static final MutableClock clock = MutableClock.startingNow();
    static MicrosoftEmulator emulator;
    static OAuthFlow flow;

    @BeforeAll
    static void start() {
        emulator = MicrosoftEmulator.start(MicrosoftEmulatorOptions.defaults().withClock(clock));
        flow = new OAuthFlow(emulator);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    static String upn() {
        return "user." + UUID.randomUUID().toString().substring(0, 8) + "@contoso.test";
    }

    @Test
    void meHasGraphsUserShape() {
        String mail = upn();
        String userId = emulator.control().createUser("Miriam Graham", mail, null);
        String token = flow.signIn(userId).get("access_token").stringValue();

        HttpResponse<String> response = flow.graph("/me", token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(response.headers().firstValue("request-id")).isPresent();
        JsonNode me = TestHttp.json(response);
        assertThat(me.get("@odata.context").stringValue()).isEqualTo(emulator.graphUrl() + "/$metadata#users/$entity");
        assertThat(me.get("id").stringValue()).isEqualTo(userId);
        assertThat(me.get("displayName").stringValue()).isEqualTo("Miriam Graham");
        assertThat(me.get("givenName").stringValue()).isEqualTo("Miriam");
        assertThat(me.get("surname").stringValue()).isEqualTo("Graham");
        assertThat(me.get("mail").stringValue()).isEqualTo(mail);
        assertThat(me.get("userPrincipalName").stringValue()).isEqualTo(mail);
        assertThat(me.get("businessPhones").isArray()).isTrue();
        for (String nullable : new String[] {"jobTitle", "mobilePhone", "officeLocation", "preferredLanguage"}) {
            assertThat(me.has(nullable) && me.get(nullable).isNull()).as(nullable).isTrue();
        }
    }

    @Test
    void selectNarrowsTheAnswer() {
        String userId = emulator.control().createUser("Pradeep Gupta", upn(), null);
        String token = flow.signIn(userId).get("access_token").stringValue();

        JsonNode me = TestHttp.json(flow.graph("/me?$select=id,mail,userPrincipalName", token));

        assertThat(me.properties()).extracting(Map.Entry::getKey)
                .containsExactly("@odata.context", "id", "mail", "userPrincipalName");
        assertThat(flow.graph("/me?$select=shoeSize", token).statusCode()).isEqualTo(400);
    }

    @Test
    void usersCanBeReadByIdOrUserPrincipalName() {
        String upn = upn();
        String userId = emulator.control().createUser("Lynne Robbins", null, upn);
        String appToken = flow.appToken();

        JsonNode byId = TestHttp.json(flow.graph("/users/" + userId, appToken));
        JsonNode byUpn = TestHttp.json(flow.graph("/users/" + upn, appToken));

        assertThat(byId.get("userPrincipalName").stringValue()).isEqualTo(upn);
        assertThat(byId.get("mail").isNull()).isTrue();
        assertThat(byUpn.get("id").stringValue()).isEqualTo(userId);
    }

    @Test
    void anUnknownUserIsRequestResourceNotFound() {
        HttpResponse<String> response = flow.graph("/users/" + UUID.randomUUID(), flow.appToken());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(TestHttp.json(response).get("error").get("code").stringValue())
                .isEqualTo("Request_ResourceNotFound");
    }

    @Test
    void aDelegatedTokenWithOnlyUserReadCannotReadOtherUsers() {
        String me = emulator.control().createUser("Debra Berger", upn(), null);
        String other = emulator.control().createUser("Enrico Cattaneo", upn(), null);
        String token = flow.signIn(me).get("access_token").stringValue();

        assertThat(flow.graph("/users/" + me, token).statusCode()).isEqualTo(200);
        HttpResponse<String> response = flow.graph("/users/" + other, token);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(TestHttp.json(response).get("error").get("code").stringValue())
                .isEqualTo("Authorization_RequestDenied");
    }

    @Test
    void withoutATokenGraphAnswers401InGraphsErrorShape() {
        HttpResponse<String> response = flow.http.get(URI.create(emulator.graphUrl() + "/me"),
                "client-request-id", "my-correlation");

        assertThat(response.statusCode()).isEqualTo(401);
        JsonNode error = TestHttp.json(response).get("error");
        assertThat(error.get("code").stringValue()).isEqualTo("InvalidAuthenticationToken");
        assertThat(error.get("message").stringValue()).isEqualTo("Access token is empty.");
        JsonNode inner = error.get("innerError");
        assertThat(inner.get("client-request-id").stringValue()).isEqualTo("my-correlation");
        assertThat(inner.get("request-id").stringValue())
                .isEqualTo(response.headers().firstValue("request-id").orElseThrow());
        assertThat(inner.has("date")).isTrue();
        assertThat(response.headers().firstValue("client-request-id")).contains("my-correlation");
    }

    @Test
    void aTokenNotSignedByTheEmulatorIsRefused() {
        String token = flow.appToken();
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

        HttpResponse<String> response = flow.graph("/users/" + UUID.randomUUID(), tampered);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(flow.graph("/me", "not-a-jwt").statusCode()).isEqualTo(401);
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = flow.appToken();
        clock.advance(Duration.ofMinutes(61));

        HttpResponse<String> response = flow.graph("/users/" + UUID.randomUUID(), token);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(TestHttp.json(response).get("error").get("message").stringValue()).contains("expired");
    }

    @Test
    void anUnknownSegmentIsABadRequest() {
        HttpResponse<String> response = flow.graph("/nothingHere", flow.appToken());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(response).get("error").get("message").stringValue()).contains("nothingHere");
    }
}
