package io.teamsbridge.microsoft.changes;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ValidationTokenVerifierTest {
    private static final String CLIENT_ID = "11111111-2222-3333-4444-555555555555";
    private static final String TENANT_ID = "e61ef81e-8bd8-476a-92e8-4a62f8426fca";
    private static final Instant NOW = Instant.parse("2026-05-04T12:00:00Z");
    private static final RSAKey SIGNING_KEY = TestCertificates.signingKey(TestCertificates.A, "key-1");
    private static final RSAKey OTHER_KEY = TestCertificates.signingKey(TestCertificates.B, "key-2");

    private final JwksServer jwks = JwksServer.start(SIGNING_KEY.toPublicJWK());
    private final ValidationTokenVerifier verifier =
            new ValidationTokenVerifier(jwks.uri(), CLIENT_ID, TENANT_ID, Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterEach
    void stop() {
        jwks.close();
    }

    @Test
    void acceptsAV1TokenLikeTheOneInGraphsDocs() {
        assertThat(verifier.verify(List.of(token(c -> c)))).isEqualTo(new TokenCheck.Valid());
    }

    @Test
    void acceptsAV2TokenWithAzpInsteadOfAppid() {
        String v2 = token(c -> c.issuer("https://login.microsoftonline.com/" + TENANT_ID + "/v2.0")
                .claim("ver", "2.0").claim("appid", null).claim("azp", ValidationTokenVerifier.GRAPH_CHANGE_TRACKING_APP_ID));

        assertThat(verifier.verify(List.of(v2))).isEqualTo(new TokenCheck.Valid());
    }

    @Test
    void acceptsAzpInAV1Token() {
        String azp = token(c -> c.claim("appid", null).claim("azp", ValidationTokenVerifier.GRAPH_CHANGE_TRACKING_APP_ID));

        assertThat(verifier.verify(List.of(azp))).isEqualTo(new TokenCheck.Valid());
    }

    @Test
    void acceptsTheIssuersOfTheConfiguredCloudOnly() {
        ValidationTokenVerifier china = new ValidationTokenVerifier(jwks.uri(), CLIENT_ID, TENANT_ID,
                io.teamsbridge.config.MicrosoftCloud.CHINA.tokenIssuers(TENANT_ID), Clock.fixed(NOW, ZoneOffset.UTC),
                new com.nimbusds.jose.util.DefaultResourceRetriever(1000, 1000, 512 * 1024));
        String chinaV1 = token(c -> c.issuer("https://sts.chinacloudapi.cn/" + TENANT_ID + "/"));
        String chinaV2 = token(c -> c.issuer("https://login.chinacloudapi.cn/" + TENANT_ID + "/v2.0"));

        assertThat(china.verify(List.of(chinaV1))).isEqualTo(new TokenCheck.Valid());
        assertThat(china.verify(List.of(chinaV2))).isEqualTo(new TokenCheck.Valid());
        assertThat(china.verify(List.of(token(c -> c)))).isInstanceOf(TokenCheck.Invalid.class);
        assertInvalid(List.of(chinaV1), "is not this tenant's");
    }

    @Test
    void rejectsATokenForAnotherApp() {
        assertInvalid(List.of(token(c -> c.audience("99999999-2222-3333-4444-555555555555"))), "audience", "is not this app");
    }

    @Test
    void rejectsATokenNotIssuedToGraphChangeTracking() {
        assertInvalid(List.of(token(c -> c.claim("appid", "aaaaaaaa-0000-0000-0000-000000000000"))),
                "issued to app 'aaaaaaaa-0000-0000-0000-000000000000'", "Microsoft Graph Change Tracking");
        assertInvalid(List.of(token(c -> c.claim("appid", null))), "not to Microsoft Graph Change Tracking");
    }

    @Test
    void rejectsATokenFromAnotherTenant() {
        assertInvalid(List.of(token(c -> c.issuer("https://sts.windows.net/00000000-0000-0000-0000-000000000000/"))),
                "issuer 'https://sts.windows.net/00000000-0000-0000-0000-000000000000/' is not this tenant's");
        assertInvalid(List.of(token(c -> c.issuer("https://evil.example/" + TENANT_ID + "/"))), "is not this tenant's");
        assertInvalid(List.of(token(c -> c.claim("tid", "00000000-0000-0000-0000-000000000000"))), "its tenant");
    }

    @Test
    void rejectsAnExpiredTokenButAllowsSmallClockSkew() {
        assertInvalid(List.of(token(c -> c.expirationTime(at(NOW.minus(Duration.ofMinutes(10)))))), "expired at 2026-05-04T11:50:00Z");
        assertThat(verifier.verify(List.of(token(c -> c.expirationTime(at(NOW.minus(Duration.ofMinutes(2))))))))
                .isEqualTo(new TokenCheck.Valid());
        assertInvalid(List.of(token(c -> c.expirationTime(null))), "no expiry");
    }

    @Test
    void rejectsATokenNotYetValid() {
        assertInvalid(List.of(token(c -> c.notBeforeTime(at(NOW.plus(Duration.ofMinutes(10)))))), "not valid before 2026-05-04T12:10:00Z");
    }

    @Test
    void rejectsABadSignature() {
        String forged = sign(claims().build(), OTHER_KEY, SIGNING_KEY.getKeyID());

        assertInvalid(List.of(forged), "signature does not verify with signing key 'key-1'");
    }

    @Test
    void rejectsAnUnknownKeyAfterRefetchingTheKeysOnce() {
        assertThat(verifier.verify(List.of(token(c -> c)))).isEqualTo(new TokenCheck.Valid());
        assertThat(jwks.fetches()).isEqualTo(1);

        assertInvalid(List.of(sign(claims().build(), OTHER_KEY, "key-2")), "signed with key 'key-2', which is not among the signing keys");
        assertThat(jwks.fetches()).as("one refetch for the unknown key").isEqualTo(2);

        assertInvalid(List.of(sign(claims().build(), OTHER_KEY, "key-3")), "'key-3'");
        assertThat(jwks.fetches()).as("further unknown keys within the interval are rate-limited").isEqualTo(2);
    }

    @Test
    void picksUpARotatedKeyWithOneRefetch() {
        assertThat(verifier.verify(List.of(token(c -> c)))).isEqualTo(new TokenCheck.Valid());
        jwks.publish(SIGNING_KEY.toPublicJWK(), OTHER_KEY.toPublicJWK());

        assertThat(verifier.verify(List.of(sign(claims().build(), OTHER_KEY, "key-2")))).isEqualTo(new TokenCheck.Valid());
        assertThat(verifier.verify(List.of(token(c -> c)))).isEqualTo(new TokenCheck.Valid());
        assertThat(jwks.fetches()).isEqualTo(2);
    }

    @Test
    void prefetchingTheKeysSparesTheFirstWebhookTheFetch() {
        assertThat(verifier.prefetchKeys()).isEmpty();
        assertThat(jwks.fetches()).isEqualTo(1);

        assertThat(verifier.verify(List.of(token(c -> c)))).isEqualTo(new TokenCheck.Valid());
        assertThat(jwks.fetches()).isEqualTo(1);
    }

    @Test
    void requiresAtLeastOneToken() {
        assertInvalid(List.of(), "no validationTokens");
        assertInvalid(null, "no validationTokens");
    }

    @Test
    void everyTokenMustBeValid() {
        List<String> tokens = List.of(token(c -> c), token(c -> c.audience("someone-else")));

        assertInvalid(tokens, "validation token 2 of 2 is not valid", "audience");
    }

    @Test
    void rejectsUnsignedAndHmacTokens() throws JOSEException {
        String header = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}").toString();
        String none = header + "." + claims().build().toPayload().toBase64URL() + ".";
        assertInvalid(List.of(none), "unsigned (alg none)");

        // The classic confusion attack: HMAC keyed with the RSA public key everyone can fetch.
        SignedJWT hs256 = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("key-1").build(), claims().build());
        byte[] publicKeyAsSecret = Arrays.copyOf(SIGNING_KEY.toPublicKey().getEncoded(), 294);
        hs256.sign(new MACSigner(publicKeyAsSecret));
        assertInvalid(List.of(hs256.serialize()), "signed with 'HS256', but Graph signs with RS256");
    }

    @Test
    void rejectsGarbage() {
        assertInvalid(List.of("<not-a-real-token: Graph-signed JWTs cannot be synthesized; see README>"), "it is not a JWT");
        assertInvalid(List.of("a.b.c"), "not a JWT");
        assertInvalid(List.of(""), "it is empty");
        assertInvalid(List.of("x".repeat(20_000)), "longer than");
    }

    @Test
    void saysSoWhenTheSigningKeysCannotBeFetched() {
        URI gone = jwks.uri();
        jwks.close();
        ValidationTokenVerifier offline = new ValidationTokenVerifier(gone, CLIENT_ID, TENANT_ID, Clock.fixed(NOW, ZoneOffset.UTC));

        assertInvalid(offline, List.of(token(c -> c)), "the signing keys could not be fetched from " + gone);
        assertThat(offline.prefetchKeys()).hasValueSatisfying(problem -> assertThat(problem).contains("could not be fetched"));
    }

    @Test
    void reasonsNeverQuoteTheToken() {
        String token = token(c -> c.audience("someone-else"));
        TokenCheck check = verifier.verify(List.of(token));

        assertThat(check).isInstanceOfSatisfying(TokenCheck.Invalid.class, i -> assertThat(i.reason())
                .doesNotContain(token.substring(0, 20)).doesNotContain(token.substring(token.lastIndexOf('.') + 1)));
    }

    private void assertInvalid(List<String> tokens, String... reasonParts) {
        assertInvalid(verifier, tokens, reasonParts);
    }

    private static void assertInvalid(ValidationTokenVerifier verifier, List<String> tokens, String... reasonParts) {
        assertThat(verifier.verify(tokens)).isInstanceOfSatisfying(TokenCheck.Invalid.class, invalid -> {
            for (String part : reasonParts) {
                assertThat(invalid.reason()).contains(part);
            }
        });
    }

    /** Claims shaped like the example token in Graph's docs (v1, appidacr 2). */
    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder()
                .audience(CLIENT_ID)
                .issuer("https://sts.windows.net/" + TENANT_ID + "/")
                .issueTime(at(NOW.minus(Duration.ofMinutes(5))))
                .notBeforeTime(at(NOW.minus(Duration.ofMinutes(5))))
                .expirationTime(at(NOW.plus(Duration.ofMinutes(55))))
                .claim("aio", "E2ZgYGjNt/HpUp9/tWtb8r3tVpnrAA==")
                .claim("appid", ValidationTokenVerifier.GRAPH_CHANGE_TRACKING_APP_ID)
                .claim("appidacr", "2")
                .claim("idp", "https://sts.windows.net/" + TENANT_ID + "/")
                .claim("tid", TENANT_ID)
                .claim("ver", "1.0");
    }

    private static String token(UnaryOperator<JWTClaimsSet.Builder> change) {
        return sign(change.apply(claims()).build(), SIGNING_KEY, SIGNING_KEY.getKeyID());
    }

    private static String sign(JWTClaimsSet claims, RSAKey key, String kid) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(kid).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Date at(Instant instant) {
        return Date.from(instant);
    }
}
