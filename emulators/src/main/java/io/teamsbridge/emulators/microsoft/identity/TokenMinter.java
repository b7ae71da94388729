package io.teamsbridge.emulators.microsoft.identity;

import com.nimbusds.jwt.JWTClaimsSet;
import io.teamsbridge.emulators.microsoft.directory.User;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Mints the JWTs the token endpoint hands out, all RS256 with the emulator key: Graph access tokens
 * in the v1 claim shape Graph receives (Graph is a v1 resource, so even v2-endpoint tokens carry
 * {@code iss=https://sts.windows.net/{tid}/}, {@code appid}, {@code scp}/{@code roles}), and v2 id
 * tokens for the client.
 */
final class TokenMinter {
    /** Entra answers {@code expires_in=3599} for tokens that live an hour. */
    static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofHours(1);
    static final String APP_DISPLAY_NAME = "teams-bridge";

    private final AppRegistration app;
    private final AdminConsent consent;
    private final SigningKeys keys;
    private final Clock clock;
    private final URI baseUrl;
    /** The app's service principal in the tenant: the {@code oid}/{@code sub} of its app-only tokens. */
    private final String servicePrincipalId = UUID.randomUUID().toString();

    TokenMinter(AppRegistration app, SigningKeys keys, Clock clock, URI baseUrl, AdminConsent consent) {
        this.consent = consent;
        this.app = app;
        this.keys = keys;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    static String accessTokenIssuer(String tenantId) {
        return "https://sts.windows.net/" + tenantId + "/";
    }

    String delegatedAccessToken(User user, ScopeSet scopes) {
        JWTClaimsSet.Builder claims = accessTokenClaims()
                .claim("acr", "1")
                .claim("amr", List.of("pwd"))
                .claim("idtyp", "user")
                .claim("name", user.displayName())
                .claim("given_name", user.givenName())
                .claim("family_name", user.surname())
                .claim("oid", user.id())
                .claim("scp", scopes.scp())
                .subject(pairwiseSubject(user.id()))
                .claim("unique_name", user.userPrincipalName())
                .claim("upn", user.userPrincipalName())
                .claim("tid", user.tenantOr(app.tenantId()));
        return keys.sign(claims.build());
    }

    String appAccessToken() {
        JWTClaimsSet.Builder claims = accessTokenClaims()
                .claim("idp", accessTokenIssuer(app.tenantId()))
                .claim("idtyp", "app")
                .claim("oid", servicePrincipalId)
                .claim("roles", consent.applicationPermissions())
                .subject(servicePrincipalId);
        return keys.sign(claims.build());
    }

    /** A v2 id token for the client; which profile claims appear depends on the OIDC scopes granted. */
    String idToken(User user, ScopeSet scopes, @Nullable String nonce) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .audience(app.clientId())
                .issuer(baseUrl + "/" + app.tenantId() + "/v2.0")
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ACCESS_TOKEN_LIFETIME)))
                .subject(pairwiseSubject(user.id()))
                .claim("oid", user.id())
                .claim("tid", user.tenantOr(app.tenantId()))
                .claim("ver", "2.0");
        if (scopes.has("profile")) {
            claims.claim("name", user.displayName()).claim("preferred_username", user.userPrincipalName());
        }
        if (scopes.has("email") && user.mail() != null) {
            claims.claim("email", user.mail());
        }
        if (nonce != null) {
            claims.claim("nonce", nonce);
        }
        return keys.sign(claims.build());
    }

    private JWTClaimsSet.Builder accessTokenClaims() {
        Instant now = clock.instant();
        return new JWTClaimsSet.Builder()
                .audience(ScopeSet.GRAPH_RESOURCE)
                .issuer(accessTokenIssuer(app.tenantId()))
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ACCESS_TOKEN_LIFETIME)))
                .claim("app_displayname", APP_DISPLAY_NAME)
                .claim("appid", app.clientId())
                .claim("appidacr", "1")
                .claim("tid", app.tenantId())
                .claim("uti", UUID.randomUUID().toString().replace("-", ""))
                .claim("ver", "1.0");
    }

    /** Entra's {@code sub} is pairwise: the same user gets a different subject in every app. */
    private String pairwiseSubject(String userId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((app.clientId() + ":" + userId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
