package io.teamsbridge.emulators.microsoft.notifications;

import com.nimbusds.jwt.JWTClaimsSet;
import io.teamsbridge.emulators.microsoft.identity.SigningKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * Mints the {@code validationTokens} of rich notifications: v1 app-only tokens issued to the
 * "Microsoft Graph Change Tracking" app for the subscribing app, signed with the identity
 * platform's key (the emulator's JWKS), as Graph does.
 */
final class ValidationTokens {
    /** The first-party app Graph's change tracking runs as. */
    static final String CHANGE_TRACKING_APP_ID = "0bf30f3b-4a52-48df-9a82-234910c4a086";
    static final Duration LIFETIME = Duration.ofHours(1);

    private final SigningKeys keys;
    private final Clock clock;
    /** Change tracking's service principal in this tenant: the oid/sub of its tokens. */
    private final String servicePrincipalId = UUID.randomUUID().toString();

    ValidationTokens(SigningKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** @param applicationId the subscribing app: the token's audience */
    String mint(String applicationId, String tenantId) {
        Instant now = clock.instant();
        String issuer = "https://sts.windows.net/" + tenantId + "/";
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .audience(applicationId)
                .issuer(issuer)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .claim("aio", UUID.randomUUID().toString().replace("-", ""))
                .claim("appid", CHANGE_TRACKING_APP_ID)
                .claim("appidacr", "2")
                .claim("azp", CHANGE_TRACKING_APP_ID)
                .claim("idp", issuer)
                .claim("oid", servicePrincipalId)
                .subject(servicePrincipalId)
                .claim("tid", tenantId)
                .claim("uti", UUID.randomUUID().toString().replace("-", ""))
                .claim("ver", "1.0")
                .build();
        return keys.sign(claims);
    }
}
