package io.teamsbridge.emulators.microsoft;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Drives the emulator's OAuth endpoints the way the bridge does: auth code + PKCE S256. */
final class OAuthFlow {
    static final String REDIRECT_URI = "http://127.0.0.1:9/oauth/callback";
    static final String SCOPE = "openid profile email offline_access User.Read Chat.Read";

    final MicrosoftEmulator emulator;
    final TestHttp http = new TestHttp();
    final String verifier = randomVerifier();

    OAuthFlow(MicrosoftEmulator emulator) {
        this.emulator = emulator;
    }

    URI authority(String path) {
        return URI.create(emulator.baseUrl() + "/" + emulator.tenantId() + path);
    }

    Map<String, String> authorizeParameters() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", emulator.clientId());
        params.put("response_type", "code");
        params.put("redirect_uri", REDIRECT_URI);
        params.put("scope", SCOPE);
        params.put("state", "st-123");
        params.put("code_challenge", challenge(verifier));
        params.put("code_challenge_method", "S256");
        return params;
    }

    HttpResponse<String> authorize(Map<String, String> params) {
        return http.get(URI.create(authority("/oauth2/v2.0/authorize") + "?" + TestHttp.formEncode(params)));
    }

    /** Signs {@code userId} in through an SSO session and returns the code from the redirect. */
    String codeFor(String userId) {
        return codeFor(userId, SCOPE);
    }

    /** As {@link #codeFor(String)}, asking for these scopes instead of {@link #SCOPE}. */
    String codeFor(String userId, String scope) {
        emulator.control().setSession(userId);
        try {
            Map<String, String> params = authorizeParameters();
            params.put("scope", scope);
            HttpResponse<String> redirect = authorize(params);
            assertThat(redirect.statusCode()).isEqualTo(302);
            return TestHttp.queryOf(redirect).get("code");
        } finally {
            emulator.control().clearSession();
        }
    }

    HttpResponse<String> redeem(String code, String codeVerifier) {
        return token(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT_URI,
                "code_verifier", codeVerifier));
    }

    HttpResponse<String> refresh(String refreshToken) {
        return token(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    /** A token request with the client's id and secret added as form fields. */
    HttpResponse<String> token(Map<String, String> grant) {
        Map<String, String> form = new LinkedHashMap<>(grant);
        form.putIfAbsent("client_id", emulator.clientId());
        form.putIfAbsent("client_secret", emulator.clientSecret());
        return http.postForm(authority("/oauth2/v2.0/token"), form);
    }

    /** The whole flow for a user: session, authorize, redeem; returns the token response. */
    JsonNode signIn(String userId) {
        HttpResponse<String> response = redeem(codeFor(userId), verifier);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TestHttp.json(response);
    }

    /** The whole flow for a user with these scopes; returns the access token. */
    String accessToken(String userId, String scope) {
        HttpResponse<String> response = redeem(codeFor(userId, scope), verifier);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TestHttp.json(response).get("access_token").stringValue();
    }

    HttpResponse<String> graph(String path, String accessToken) {
        return http.get(URI.create(emulator.graphUrl() + path), "Authorization", "Bearer " + accessToken);
    }

    String appToken() {
        HttpResponse<String> response = token(Map.of("grant_type", "client_credentials", "scope",
                "https://graph.microsoft.com/.default"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TestHttp.json(response).get("access_token").stringValue();
    }

    static String randomVerifier() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
