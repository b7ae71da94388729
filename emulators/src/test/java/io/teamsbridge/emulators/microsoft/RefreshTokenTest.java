package io.teamsbridge.emulators.microsoft;

import static io.teamsbridge.emulators.microsoft.AuthorizationCodeFlowTest.assertInvalidGrant;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RefreshTokenTest {
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

    static String newUser() {
        return emulator.control().createUser("Nestor Wilke", "nestor." + UUID.randomUUID() + "@contoso.test", null);
    }

    @Test
    void everyRefreshReturnsANewRefreshTokenAndAWorkingAccessToken() {
        String first = flow.signIn(newUser()).get("refresh_token").stringValue();

        JsonNode second = TestHttp.json(flow.refresh(first));
        String secondRefresh = second.get("refresh_token").stringValue();
        JsonNode third = TestHttp.json(flow.refresh(secondRefresh));

        assertThat(secondRefresh).isNotEqualTo(first);
        assertThat(third.get("refresh_token").stringValue()).isNotEqualTo(secondRefresh).isNotEqualTo(first);
        assertThat(flow.graph("/me", third.get("access_token").stringValue()).statusCode()).isEqualTo(200);
    }

    @Test
    void noRefreshTokenWithoutOfflineAccess() {
        String userId = newUser();
        emulator.control().setSession(userId);
        Map<String, String> params = flow.authorizeParameters();
        params.put("scope", "openid User.Read");
        String code;
        try {
            code = TestHttp.queryOf(flow.authorize(params)).get("code");
        } finally {
            emulator.control().clearSession();
        }

        JsonNode tokens = TestHttp.json(flow.redeem(code, flow.verifier));

        assertThat(tokens.has("access_token")).isTrue();
        assertThat(tokens.has("refresh_token")).isFalse();
    }

    @Test
    void revokingAUserMakesTheirRefreshTokensInvalidGrant() {
        String userId = newUser();
        String refreshToken = flow.signIn(userId).get("refresh_token").stringValue();
        String rotated = TestHttp.json(flow.refresh(refreshToken)).get("refresh_token").stringValue();

        emulator.control().revoke(userId);

        assertInvalidGrant(flow.refresh(refreshToken), 50173);
        assertInvalidGrant(flow.refresh(rotated), 50173);
        assertThat(TestHttp.json(flow.refresh(rotated)).get("error_description").stringValue())
                .startsWith("AADSTS50173: The provided grant has expired due to it being revoked");
    }

    @Test
    void signingInAgainAfterARevocationGivesAWorkingRefreshToken() {
        String userId = newUser();
        flow.signIn(userId);
        emulator.control().revoke(userId);

        String fresh = flow.signIn(userId).get("refresh_token").stringValue();

        assertThat(flow.refresh(fresh).statusCode()).isEqualTo(200);
    }

    @Test
    void revokingOneUserLeavesOthersAlone() {
        String revoked = newUser();
        String other = newUser();
        flow.signIn(revoked);
        String othersToken = flow.signIn(other).get("refresh_token").stringValue();

        emulator.control().revoke(revoked);

        assertThat(flow.refresh(othersToken).statusCode()).isEqualTo(200);
    }

    @Test
    void aRefreshTokenExpiresAfterNinetyDays() {
        String refreshToken = flow.signIn(newUser()).get("refresh_token").stringValue();
        clock.advance(Duration.ofDays(90));

        assertInvalidGrant(flow.refresh(refreshToken), 700082);
    }

    @Test
    void anUnknownRefreshTokenIsInvalidGrant() {
        HttpResponse<String> response = flow.refresh("1.AVnot-a-token");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(response).get("error").stringValue()).isEqualTo("invalid_grant");
    }

    @Test
    void refreshingForScopesNeverGrantedIsRefused() {
        String refreshToken = flow.signIn(newUser()).get("refresh_token").stringValue();

        HttpResponse<String> response = flow.token(Map.of("grant_type", "refresh_token", "refresh_token",
                refreshToken, "scope", "Mail.Read"));

        assertInvalidGrant(response, 65001);
    }
}
