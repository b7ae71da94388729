package io.teamsbridge.emulators.microsoft;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DiscoveryTest {
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
    void openIdConfigurationPointsAtTheTenantsEndpoints() {
        String base = emulator.baseUrl() + "/" + emulator.tenantId();
        JsonNode doc = TestHttp.json(flow.http.get(URI.create(base + "/v2.0/.well-known/openid-configuration")));

        assertThat(doc.get("issuer").stringValue()).isEqualTo(base + "/v2.0");
        assertThat(doc.get("authorization_endpoint").stringValue()).isEqualTo(base + "/oauth2/v2.0/authorize");
        assertThat(doc.get("token_endpoint").stringValue()).isEqualTo(base + "/oauth2/v2.0/token");
        assertThat(doc.get("jwks_uri").stringValue()).isEqualTo(base + "/discovery/v2.0/keys");
        assertThat(doc.get("code_challenge_methods_supported").toString()).contains("S256");
    }

    @Test
    void commonTenantPublishesTheIssuerTemplateLikeEntra() {
        JsonNode doc = TestHttp.json(flow.http.get(
                URI.create(emulator.baseUrl() + "/common/v2.0/.well-known/openid-configuration")));

        assertThat(doc.get("issuer").stringValue()).isEqualTo(emulator.baseUrl() + "/{tenantid}/v2.0");
        assertThat(doc.get("token_endpoint").stringValue()).isEqualTo(emulator.baseUrl() + "/common/oauth2/v2.0/token");
    }

    @Test
    void unknownTenantIsRefusedWithAadsts90002() {
        HttpResponse<String> response = flow.http.get(
                URI.create(emulator.baseUrl() + "/not-a-tenant/v2.0/.well-known/openid-configuration"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(response).get("error_codes").get(0).asInt()).isEqualTo(90002);
    }

    @Test
    void everyJwksPathServesTheKeyThatSignsTokens() throws Exception {
        String accessToken = flow.appToken();
        SignedJWT jwt = SignedJWT.parse(accessToken);

        for (String path : new String[] {"/" + emulator.tenantId() + "/discovery/v2.0/keys", "/common/discovery/keys",
                "/common/discovery/v2.0/keys"}) {
            HttpResponse<String> response = flow.http.get(URI.create(emulator.baseUrl() + path));
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            JWKSet keys = JWKSet.parse(response.body());
            RSAKey key = (RSAKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
            assertThat(key).as(path).isNotNull();
            assertThat(key.isPrivate()).as("only the public half is published").isFalse();
            assertThat(jwt.verify(new RSASSAVerifier(key))).as(path).isTrue();
        }
    }
}
