package io.teamsbridge.emulators.microsoft.identity;

import io.teamsbridge.emulators.http.Request;
import io.teamsbridge.emulators.http.Response;
import io.teamsbridge.emulators.microsoft.directory.User;
import io.teamsbridge.emulators.microsoft.directory.UserDirectory;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /{tenant}/oauth2/v2.0/token}: authenticates the confidential client (form fields or
 * HTTP Basic), then runs the authorization_code, refresh_token or client_credentials grant. Errors
 * are thrown as {@link OAuthError} and rendered in Entra's JSON shape.
 */
final class TokenEndpoint {
    /** Entra reports one second less than the token's lifetime. */
    private static final long EXPIRES_IN = TokenMinter.ACCESS_TOKEN_LIFETIME.toSeconds() - 1;

    private final AppRegistration app;
    private final UserDirectory directory;
    private final AuthorizationCodes codes;
    private final RefreshTokens refreshTokens;
    private final TokenMinter minter;

    TokenEndpoint(AppRegistration app, UserDirectory directory, AuthorizationCodes codes, RefreshTokens refreshTokens,
            TokenMinter minter) {
        this.app = app;
        this.directory = directory;
        this.codes = codes;
        this.refreshTokens = refreshTokens;
        this.minter = minter;
    }

    Response token(Request request) {
        String tenant = request.pathParam("tenant");
        if (!app.servesTenant(tenant)) {
            throw OAuthError.unknownTenant(tenant);
        }
        Map<String, String> form = request.form();
        authenticateClient(request, form, tenant);
        String grantType = form.get("grant_type");
        if (grantType == null || grantType.isEmpty()) {
            throw OAuthError.missingParameter("grant_type");
        }
        return switch (grantType) {
            case "authorization_code" -> authorizationCode(form);
            case "refresh_token" -> refreshToken(form);
            case "client_credentials" -> clientCredentials(form);
            default -> throw OAuthError.unsupportedGrantType(grantType);
        };
    }

    private Response authorizationCode(Map<String, String> form) {
        String code = required(form, "code");
        String redirectUri = required(form, "redirect_uri");
        AuthorizationCodes.Grant grant = codes.redeem(code, app.clientId(), redirectUri, form.get("code_verifier"));
        return delegatedTokens(userOf(grant.userId()), grant.scopes(), grant.nonce());
    }

    private Response refreshToken(Map<String, String> form) {
        RefreshTokens.Grant grant = refreshTokens.redeem(required(form, "refresh_token"), app.clientId());
        ScopeSet scopes = grant.scopes();
        String scope = form.get("scope");
        if (scope != null && !scope.isBlank()) {
            ScopeSet requested = ScopeSet.parse(scope);
            if (!grant.scopes().covers(requested)) {
                throw OAuthError.invalidGrant(65001, "The user or administrator has not consented to use the"
                        + " application with ID '" + app.clientId() + "' named '" + TokenMinter.APP_DISPLAY_NAME
                        + "'. Send an interactive authorization request for this user and resource.");
            }
            // offline_access stays granted: a refresh always returns a new refresh token.
            scopes = new ScopeSet(withOfflineAccess(requested), requested.graph());
        }
        return delegatedTokens(userOf(grant.userId()), scopes, null);
    }

    private Response clientCredentials(Map<String, String> form) {
        String scope = required(form, "scope").trim();
        if (!scope.equalsIgnoreCase(ScopeSet.GRAPH_DEFAULT)
                && !scope.equalsIgnoreCase(ScopeSet.GRAPH_APP_ID + "/.default")) {
            throw OAuthError.clientCredentialsScope(scope);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token_type", "Bearer");
        body.put("expires_in", EXPIRES_IN);
        body.put("ext_expires_in", EXPIRES_IN);
        body.put("access_token", minter.appAccessToken());
        return noStore(Response.json(200, body));
    }

    private Response delegatedTokens(User user, ScopeSet scopes, @Nullable String nonce) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token_type", "Bearer");
        body.put("scope", scopes.scp());
        body.put("expires_in", EXPIRES_IN);
        body.put("ext_expires_in", EXPIRES_IN);
        body.put("access_token", minter.delegatedAccessToken(user, scopes));
        if (scopes.has("offline_access")) {
            body.put("refresh_token", refreshTokens.issue(user.id(), app.clientId(), scopes));
        }
        if (scopes.has("openid")) {
            body.put("id_token", minter.idToken(user, scopes, nonce));
        }
        return noStore(Response.json(200, body));
    }

    /** A grant outlives nothing: users are never deleted, but a stale id must not become a 500. */
    private User userOf(String userId) {
        return directory.byId(userId).orElseThrow(() -> OAuthError.invalidGrant(50034,
                "The user account does not exist in the directory."));
    }

    /**
     * RFC 6749 section 2.3.1: HTTP Basic (with form-encoded id and secret) or the two form fields.
     * The secret is compared in constant time.
     */
    private void authenticateClient(Request request, Map<String, String> form, String tenant) {
        String clientId = form.get("client_id");
        String secret = form.get("client_secret");
        String authorization = request.header("authorization").orElse("");
        if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw OAuthError.invalidParameter("Authorization", "the Basic credentials are not valid base64.");
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw OAuthError.invalidParameter("Authorization", "the Basic credentials have no ':'.");
            }
            String basicId = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
            if (clientId != null && !clientId.equals(basicId)) {
                throw OAuthError.invalidParameter("client_id", "it differs from the client in the Authorization header.");
            }
            clientId = basicId;
            secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
        }
        if (clientId == null || clientId.isEmpty()) {
            throw OAuthError.missingParameter("client_id");
        }
        if (!clientId.equals(app.clientId())) {
            throw OAuthError.unknownClient(clientId, tenant);
        }
        if (secret == null || secret.isEmpty()) {
            throw OAuthError.missingClientSecret();
        }
        if (!MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
                app.clientSecret().getBytes(StandardCharsets.UTF_8))) {
            throw OAuthError.wrongClientSecret(clientId);
        }
    }

    private static Set<String> withOfflineAccess(ScopeSet scopes) {
        Set<String> oidc = new LinkedHashSet<>(scopes.oidc());
        oidc.add("offline_access");
        return oidc;
    }

    private static String required(Map<String, String> form, String name) {
        String value = form.get(name);
        if (value == null || value.isEmpty()) {
            throw OAuthError.missingParameter(name);
        }
        return value;
    }

    private static Response noStore(Response response) {
        return response.withHeader("Cache-Control", "no-store, no-cache").withHeader("Pragma", "no-cache");
    }
}
