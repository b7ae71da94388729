package io.teamsbridge.emulators.microsoft;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ClientCredentialsTest {
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

    @Test
    void theAppTokenCarriesRolesAndNoScopes() throws Exception {
        HttpResponse<String> response = flow.token(Map.of("grant_type", "client_credentials", "scope",
                "https://graph.microsoft.com/.default"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = TestHttp.json(response);
        assertThat(body.get("expires_in").asInt()).isEqualTo(3599);
        assertThat(body.has("refresh_token")).isFalse();
        JWTClaimsSet claims = SignedJWT.parse(body.get("access_token").stringValue()).getJWTClaimsSet();
        assertThat(claims.getStringListClaim("roles")).contains("Chat.Read.All", "Presence.Read.All");
        assertThat(claims.getClaim("scp")).isNull();
        assertThat(claims.getStringClaim("appid")).isEqualTo(emulator.clientId());
        assertThat(claims.getIssuer()).isEqualTo("https://sts.windows.net/" + emulator.tenantId() + "/");
    }

    @Test
    void anAppTokenCannotCallMe() {
        HttpResponse<String> response = flow.graph("/me", flow.appToken());

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = TestHttp.json(response).get("error");
        assertThat(error.get("code").stringValue()).isEqualTo("BadRequest");
        assertThat(error.get("message").stringValue()).isEqualTo(
                "/me request is only valid with delegated authentication flow.");
    }

    @Test
    void anAppTokenCanReadAnyUser() {
        String userId = emulator.control().createUser("Patti Fernandez", "patti@contoso.test", null);

        HttpResponse<String> response = flow.graph("/users/" + userId, flow.appToken());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(TestHttp.json(response).get("mail").stringValue()).isEqualTo("patti@contoso.test");
    }

    @Test
    void aNamedScopeIsRefusedForClientCredentials() {
        HttpResponse<String> response = flow.token(Map.of("grant_type", "client_credentials", "scope", "User.Read"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(response).get("error").stringValue()).isEqualTo("invalid_scope");
        assertThat(TestHttp.json(response).get("error_codes").get(0).asInt()).isEqualTo(1002012);
    }

    @Test
    void aMissingSecretIsInvalidClient() {
        HttpResponse<String> response = flow.http.postForm(flow.authority("/oauth2/v2.0/token"), Map.of(
                "grant_type", "client_credentials", "client_id", emulator.clientId(), "scope",
                "https://graph.microsoft.com/.default"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(TestHttp.json(response).get("error_codes").get(0).asInt()).isEqualTo(7000218);
    }

    @Test
    void anUnknownGrantTypeIsRefused() {
        HttpResponse<String> response = flow.token(Map.of("grant_type", "password"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(response).get("error").stringValue()).isEqualTo("unsupported_grant_type");
    }
}
