package io.teamsbridge.microsoft.changes;

import com.nimbusds.jwt.JWTClaimsSet;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The claim rules for a Graph validation token, once its signature is known good: in time, for
 * our app, issued to Microsoft Graph Change Tracking, by our tenant. The issuer may take either
 * documented form (v1 {@code sts.windows.net}, v2 {@code login.microsoftonline.com/…/v2.0}, with the
 * configured cloud's hosts) and
 * the app either claim ({@code appid} in v1, {@code azp} in v2): the SDKs disagree on which
 * Graph sends, so both are accepted.
 */
record GraphTokenClaims(String clientId, String tenantId, List<String> issuers, Clock clock, Duration clockSkew) {

    GraphTokenClaims {
        issuers = issuers.stream().map(issuer -> issuer.toLowerCase(Locale.ROOT)).toList();
    }

    /** The first rule the claims break, or empty when they keep all of them. */
    Optional<String> problem(JWTClaimsSet claims) {
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            return Optional.of("it has no expiry (exp)");
        }
        if (now.isAfter(exp.toInstant().plus(clockSkew))) {
            return Optional.of("it expired at " + exp.toInstant());
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && now.plus(clockSkew).isBefore(nbf.toInstant())) {
            return Optional.of("it is not valid before " + nbf.toInstant());
        }
        List<String> audience = claims.getAudience();
        if (!audience.contains(clientId)) {
            return Optional.of("its audience " + quote(String.join(",", audience)) + " is not this app (" + clientId + ")");
        }
        String appid = stringClaim(claims, "appid");
        String azp = stringClaim(claims, "azp");
        if (!ValidationTokenVerifier.GRAPH_CHANGE_TRACKING_APP_ID.equals(appid)
                && !ValidationTokenVerifier.GRAPH_CHANGE_TRACKING_APP_ID.equals(azp)) {
            return Optional.of("it was issued to app " + quote(appid != null ? appid : azp) + ", not to Microsoft Graph Change Tracking ("
                    + ValidationTokenVerifier.GRAPH_CHANGE_TRACKING_APP_ID + ")");
        }
        String issuer = claims.getIssuer();
        if (issuer == null || !issuers.contains(issuer.toLowerCase(Locale.ROOT))) {
            return Optional.of("its issuer " + quote(issuer) + " is not this tenant's (expected " + String.join(" or ", issuers) + ")");
        }
        String tid = stringClaim(claims, "tid");
        if (tid != null && !tid.equalsIgnoreCase(tenantId)) {
            return Optional.of("its tenant " + quote(tid) + " is not this tenant (" + tenantId + ")");
        }
        return Optional.empty();
    }

    private static @Nullable String stringClaim(JWTClaimsSet claims, String name) {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException notAString) {
            return "(not a string)";
        }
    }

    /** Claims come from the token sender; keep them short and on one line in messages. */
    static String quote(@Nullable String value) {
        return NotificationDecryptor.printable(value);
    }
}
