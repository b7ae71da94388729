package io.teamsbridge.emulators.microsoft;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AuthorizationCodeFlowTest {
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

    @AfterEach
    void endSession() {
        emulator.control().clearSession();
    }

    static String newUser(String name) {
        String login = name.toLowerCase().replace(' ', '.') + "." + UUID.randomUUID().toString().substring(0, 8)
                + "@contoso.test";
        return emulator.control().createUser(name, login, null);
    }

    @Test
    void withASessionAuthorizeRedirectsAtOnceAndTheCodeBuysTokensForMe() throws Exception {
        String userId = newUser("Adele Vance");
        emulator.control().setSession(userId);

        HttpResponse<String> redirect = flow.authorize(flow.authorizeParameters());
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location").orElseThrow()).startsWith(OAuthFlow.REDIRECT_URI + "?");
        Map<String, String> callback = TestHttp.queryOf(redirect);
        assertThat(callback).containsEntry("state", "st-123").containsKey("code");

        HttpResponse<String> tokenResponse = flow.redeem(callback.get("code"), flow.verifier);
        assertThat(tokenResponse.statusCode()).as(tokenResponse.body()).isEqualTo(200);
        JsonNode tokens = TestHttp.json(tokenResponse);
        assertThat(tokens.get("token_type").stringValue()).isEqualTo("Bearer");
        assertThat(tokens.get("expires_in").asInt()).isEqualTo(3599);
        assertThat(tokens.get("ext_expires_in").asInt()).isEqualTo(3599);
        assertThat(tokens.get("scope").stringValue().split(" ")).contains("User.Read", "Chat.Read", "openid")
                .doesNotContain("offline_access");
        assertThat(tokens.has("refresh_token")).isTrue();
        assertThat(tokens.has("id_token")).isTrue();

        JWTClaimsSet access = SignedJWT.parse(tokens.get("access_token").stringValue()).getJWTClaimsSet();
        assertThat(access.getAudience()).containsExactly("https://graph.microsoft.com");
        assertThat(access.getIssuer()).isEqualTo("https://sts.windows.net/" + emulator.tenantId() + "/");
        assertThat(access.getStringClaim("tid")).isEqualTo(emulator.tenantId());
        assertThat(access.getStringClaim("appid")).isEqualTo(emulator.clientId());
        assertThat(access.getStringClaim("oid")).isEqualTo(userId);
        assertThat(access.getStringClaim("scp").split(" ")).contains("User.Read", "Chat.Read");
        assertThat(access.getExpirationTime().toInstant()).isEqualTo(clock.instant().plus(Duration.ofHours(1)));

        JWTClaimsSet id = SignedJWT.parse(tokens.get("id_token").stringValue()).getJWTClaimsSet();
        assertThat(id.getAudience()).containsExactly(emulator.clientId());
        assertThat(id.getIssuer()).isEqualTo(emulator.baseUrl() + "/" + emulator.tenantId() + "/v2.0");
        assertThat(id.getStringClaim("oid")).isEqualTo(userId);

        HttpResponse<String> me = flow.graph("/me", tokens.get("access_token").stringValue());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(TestHttp.json(me).get("id").stringValue()).isEqualTo(userId);
        assertThat(TestHttp.json(me).get("displayName").stringValue()).isEqualTo("Adele Vance");
    }

    @Test
    void theSessionStaysForLaterSignInsUntilCleared() {
        String userId = newUser("Alex Wilber");
        emulator.control().setSession(userId);

        assertThat(flow.authorize(flow.authorizeParameters()).statusCode()).isEqualTo(302);
        assertThat(flow.authorize(flow.authorizeParameters()).statusCode()).isEqualTo(302);

        emulator.control().clearSession();
        assertThat(flow.authorize(flow.authorizeParameters()).statusCode()).isEqualTo(200);
    }

    @Test
    void withoutASessionThePageListsUsersAndAcceptingAPickedUserRedirectsWithACode() {
        String userId = newUser("Megan Bowen");

        HttpResponse<String> page = flow.authorize(flow.authorizeParameters());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("Megan Bowen", "value=\"" + userId + "\"", "id=\"accept\"", "id=\"cancel\"",
                "Read your chat messages");

        HttpResponse<String> redirect = submit(Map.of("action", "accept", "user_id", userId));
        assertThat(redirect.statusCode()).isEqualTo(302);
        Map<String, String> callback = TestHttp.queryOf(redirect);
        assertThat(callback).containsEntry("state", "st-123");

        JsonNode tokens = TestHttp.json(flow.redeem(callback.get("code"), flow.verifier));
        assertThat(TestHttp.json(flow.graph("/me", tokens.get("access_token").stringValue())).get("id").stringValue())
                .isEqualTo(userId);
    }

    @Test
    void typingTheUpnOnThePageSignsThatUserIn() {
        String upn = "lee.gu." + UUID.randomUUID().toString().substring(0, 8) + "@contoso.test";
        String userId = emulator.control().createUser("Lee Gu", null, upn);

        HttpResponse<String> redirect = submit(Map.of("action", "accept", "login", upn.toUpperCase()));

        assertThat(redirect.statusCode()).isEqualTo(302);
        JsonNode tokens = TestHttp.json(flow.redeem(TestHttp.queryOf(redirect).get("code"), flow.verifier));
        JsonNode me = TestHttp.json(flow.graph("/me", tokens.get("access_token").stringValue()));
        assertThat(me.get("id").stringValue()).isEqualTo(userId);
        assertThat(me.get("mail").isNull()).as("a user without a mailbox has mail null").isTrue();
    }

    @Test
    void anUnknownLoginShowsThePageAgainWithAnError() {
        HttpResponse<String> page = submit(Map.of("action", "accept", "login", "nobody@contoso.test"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"error\"", "find an account", "nobody@contoso.test");
    }

    @Test
    void cancellingRedirectsWithAccessDenied() {
        HttpResponse<String> redirect = submit(Map.of("action", "cancel"));

        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location").orElseThrow())
                .contains("error=access_denied", "error_description=AADSTS65004%3A+User+declined+to+consent");
        assertThat(TestHttp.queryOf(redirect)).containsEntry("state", "st-123").doesNotContainKey("code");
    }

    @Test
    void anUnknownClientGetsAnErrorPageAndNoRedirect() {
        Map<String, String> params = flow.authorizeParameters();
        params.put("client_id", UUID.randomUUID().toString());

        HttpResponse<String> page = flow.authorize(params);

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.headers().firstValue("Location")).isEmpty();
        assertThat(page.body()).contains("AADSTS700016");
    }

    @Test
    void aRelativeRedirectUriGetsAnErrorPage() {
        Map<String, String> params = flow.authorizeParameters();
        params.put("redirect_uri", "/callback");

        HttpResponse<String> page = flow.authorize(params);

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("AADSTS50011");
    }

    @Test
    void anUnsupportedChallengeMethodIsReportedToTheClient() {
        Map<String, String> params = flow.authorizeParameters();
        params.put("code_challenge_method", "S512");

        HttpResponse<String> redirect = flow.authorize(params);

        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(TestHttp.queryOf(redirect)).containsEntry("error", "invalid_request").containsEntry("state", "st-123");
    }

    @Test
    void promptNoneWithoutASessionAnswersLoginRequired() {
        Map<String, String> params = flow.authorizeParameters();
        params.put("prompt", "none");

        HttpResponse<String> redirect = flow.authorize(params);

        assertThat(TestHttp.queryOf(redirect)).containsEntry("error", "login_required");
    }

    @Test
    void promptLoginShowsThePageEvenWithASession() {
        emulator.control().setSession(newUser("Nestor Wilke"));
        Map<String, String> params = flow.authorizeParameters();
        params.put("prompt", "login");

        HttpResponse<String> page = flow.authorize(params);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"accept\"");
    }

    @Test
    void formPostResponseModeAnswersWithASelfSubmittingForm() {
        emulator.control().setSession(newUser("Pradeep Gupta"));
        Map<String, String> params = flow.authorizeParameters();
        params.put("response_mode", "form_post");

        HttpResponse<String> form = flow.authorize(params);

        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("action=\"" + OAuthFlow.REDIRECT_URI + "\"", "name=\"code\"",
                "name=\"state\" value=\"st-123\"");
    }

    @Test
    void theIdTokenEchoesTheNonce() throws Exception {
        emulator.control().setSession(newUser("Lidia Holloway"));
        Map<String, String> params = flow.authorizeParameters();
        params.put("nonce", "n-0S6_WzA2Mj");
        String code = TestHttp.queryOf(flow.authorize(params)).get("code");

        JsonNode tokens = TestHttp.json(flow.redeem(code, flow.verifier));

        assertThat(SignedJWT.parse(tokens.get("id_token").stringValue()).getJWTClaimsSet().getStringClaim("nonce"))
                .isEqualTo("n-0S6_WzA2Mj");
    }

    @Test
    void aWrongCodeVerifierIsInvalidGrant() {
        String code = flow.codeFor(newUser("Diego Siciliani"));

        HttpResponse<String> response = flow.redeem(code, OAuthFlow.randomVerifier());

        assertInvalidGrant(response, 501481);
    }

    @Test
    void aCodeCanBeRedeemedOnlyOnce() {
        String code = flow.codeFor(newUser("Grady Archie"));
        assertThat(flow.redeem(code, flow.verifier).statusCode()).isEqualTo(200);

        assertInvalidGrant(flow.redeem(code, flow.verifier), 54005);
    }

    @Test
    void aCodeExpiresAfterTenMinutes() {
        String code = flow.codeFor(newUser("Henrietta Mueller"));
        clock.advance(Duration.ofMinutes(10));

        assertInvalidGrant(flow.redeem(code, flow.verifier), 70008);
    }

    @Test
    void aCodeIsBoundToItsRedirectUri() {
        String code = flow.codeFor(newUser("Isaiah Langer"));

        HttpResponse<String> response = flow.token(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", "http://127.0.0.1:9/elsewhere", "code_verifier", flow.verifier));

        assertInvalidGrant(response, 70000);
    }

    @Test
    void aWrongClientSecretIsInvalidClient() {
        String code = flow.codeFor(newUser("Johanna Lorenz"));

        HttpResponse<String> response = flow.token(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", OAuthFlow.REDIRECT_URI, "code_verifier", flow.verifier, "client_secret", "wrong"));

        assertThat(response.statusCode()).isEqualTo(401);
        JsonNode error = TestHttp.json(response);
        assertThat(error.get("error").stringValue()).isEqualTo("invalid_client");
        assertThat(error.get("error_codes").get(0).asInt()).isEqualTo(7000215);
        assertThat(error.get("error_description").stringValue()).startsWith("AADSTS7000215: ");
        assertThat(error.has("timestamp") && error.has("trace_id") && error.has("correlation_id")).isTrue();
        assertThat(response.body()).doesNotContain(emulator.clientSecret());
    }

    @Test
    void httpBasicClientAuthenticationWorksToo() {
        String code = flow.codeFor(newUser("Joni Sherman"));
        String basic = Base64.getEncoder().encodeToString(
                (emulator.clientId() + ":" + emulator.clientSecret()).getBytes(StandardCharsets.UTF_8));
        Map<String, String> form = new LinkedHashMap<>(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", OAuthFlow.REDIRECT_URI, "code_verifier", flow.verifier));

        HttpResponse<String> response = flow.http.postForm(flow.authority("/oauth2/v2.0/token"), form,
                "Authorization", "Basic " + basic);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void anEmulatorWithRegisteredRedirectUrisRefusesOthers() {
        try (MicrosoftEmulator strict = MicrosoftEmulator.start(MicrosoftEmulatorOptions.defaults()
                .withRedirectUris(List.of("https://bridge.contoso.test/callback")))) {
            OAuthFlow strictFlow = new OAuthFlow(strict);

            HttpResponse<String> page = strictFlow.authorize(strictFlow.authorizeParameters());

            assertThat(page.statusCode()).isEqualTo(400);
            assertThat(page.body()).contains("AADSTS50011", OAuthFlow.REDIRECT_URI);
        }
    }

    private HttpResponse<String> submit(Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(flow.authorizeParameters());
        form.putAll(fields);
        return flow.http.postForm(flow.authority("/oauth2/v2.0/authorize"), form);
    }

    static void assertInvalidGrant(HttpResponse<String> response, int aadsts) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = TestHttp.json(response);
        assertThat(error.get("error").stringValue()).isEqualTo("invalid_grant");
        assertThat(error.get("error_codes").get(0).asInt()).isEqualTo(aadsts);
    }

}
