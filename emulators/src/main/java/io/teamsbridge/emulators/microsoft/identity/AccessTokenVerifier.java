package io.teamsbridge.emulators.microsoft.identity;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Checks the bearer tokens Graph receives: signed by the emulator key, issued for Graph by this
 * tenant's STS, and inside its lifetime by the injected clock. The messages are the ones Graph
 * gives, so a bridge log line reads the same against the emulator as against Microsoft.
 */
public final class AccessTokenVerifier {
    private static final List<String> GRAPH_AUDIENCES =
            List.of(ScopeSet.GRAPH_RESOURCE, ScopeSet.GRAPH_RESOURCE + "/", ScopeSet.GRAPH_APP_ID);

    private final SigningKeys keys;
    private final String tenantId;
    private final Clock clock;

    AccessTokenVerifier(SigningKeys keys, String tenantId, Clock clock) {
        this.keys = keys;
        this.tenantId = tenantId;
        this.clock = clock;
    }

    /** @param authorization the {@code Authorization} header value, if any */
    public TokenCheck check(@Nullable String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return new TokenCheck.Invalid("Access token is empty.");
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return new TokenCheck.Invalid("Access token is empty.");
        }
        String token = authorization.substring(7).trim();
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            return new TokenCheck.Invalid("IDX14100: JWT is not well formed, there are no dots (.). The token needs"
                    + " to be in JWS or JWE Compact Serialization Format.");
        }
        if (!keys.signed(jwt)) {
            return new TokenCheck.Invalid("Access token validation failure. Invalid signature.");
        }
        if (claims.getAudience().stream().noneMatch(GRAPH_AUDIENCES::contains)) {
            return new TokenCheck.Invalid("Access token validation failure. Invalid audience.");
        }
        if (!TokenMinter.accessTokenIssuer(tenantId).equals(claims.getIssuer())) {
            return new TokenCheck.Invalid("Access token validation failure. Invalid issuer.");
        }
        Instant now = clock.instant();
        if (claims.getExpirationTime() == null || !now.isBefore(claims.getExpirationTime().toInstant())) {
            return new TokenCheck.Invalid("Lifetime validation failed, the token is expired.");
        }
        if (claims.getNotBeforeTime() != null && now.isBefore(claims.getNotBeforeTime().toInstant())) {
            return new TokenCheck.Invalid("Lifetime validation failed, the token is not yet valid.");
        }
        try {
            String scp = claims.getStringClaim("scp");
            List<String> roles = claims.getStringListClaim("roles");
            String appId = claims.getStringClaim("appid");
            if (appId == null) {
                return new TokenCheck.Invalid("Access token validation failure. The token has no appid claim.");
            }
            // Graph tells delegated from app-only tokens by the presence of scp, not by oid.
            return new TokenCheck.Valid(new Caller(tenantId, appId,
                    scp == null ? null : claims.getStringClaim("oid"),
                    scp == null ? Set.of() : Arrays.stream(scp.split(" ")).collect(Collectors.toSet()),
                    roles == null ? Set.of() : Set.copyOf(roles)));
        } catch (ParseException e) {
            return new TokenCheck.Invalid("Access token validation failure. " + e.getMessage());
        }
    }
}
