package io.teamsbridge.microsoft.changes;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Verifies a batch's {@code validationTokens} as the Graph docs require: every token signed
 * (RS256) by a key of the configured JWKS, in time, for our app, issued to Microsoft Graph Change
 * Tracking, by our tenant. At least one token must be present, and all must pass.
 *
 * <p>Signing keys are fetched with a short timeout and cached; a token signed by a key not in the
 * cache (Microsoft rotates them) triggers one refetch, and refetches are rate-limited, so a flood
 * of tokens with made-up key ids cannot turn into a flood of requests to the JWKS endpoint. If the
 * endpoint is down, the last keys fetched keep being used for a day.
 *
 * <p>Thread-safe; build one per configuration and share it.
 */
public final class ValidationTokenVerifier {
    public static final String GRAPH_CHANGE_TRACKING_APP_ID = "0bf30f3b-4a52-48df-9a82-234910c4a086";

    /** Microsoft.IdentityModel's default, which the .NET SDK's checks use. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /** Graph's tokens are about 1.5 KB; anything much larger is not one. */
    static final int MAX_TOKEN_CHARS = 16 * 1024;
    /** Connect plus read stays under the 3 seconds Graph gives the webhook, even on a cold cache. */
    private static final Duration JWKS_CONNECT_TIMEOUT = Duration.ofMillis(1000);
    private static final Duration JWKS_READ_TIMEOUT = Duration.ofMillis(1500);
    private static final int JWKS_SIZE_LIMIT = 512 * 1024;
    /** The bounds a key retriever must keep: the whole fetch within this time, and at most so many bytes. */
    public static final Duration KEYS_TIMEOUT = JWKS_CONNECT_TIMEOUT.plus(JWKS_READ_TIMEOUT);
    public static final int KEYS_MAX_BYTES = JWKS_SIZE_LIMIT;
    private static final Duration JWKS_CACHE = Duration.ofHours(1);
    private static final Duration JWKS_MIN_REFETCH_INTERVAL = Duration.ofSeconds(30);
    private static final Duration JWKS_OUTAGE_TOLERANCE = Duration.ofHours(24);

    private final URI jwksUri;
    private final JWKSource<SecurityContext> keys;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final GraphTokenClaims claims;

    /**
     * @param jwksUri the signing keys, e.g. {@code https://login.microsoftonline.com/common/discovery/keys}
     * @param clientId our app's client id: the tokens' audience
     * @param tenantId our tenant's id: the tokens' issuer
     * @param clock the time tokens are checked against
     */
    public ValidationTokenVerifier(URI jwksUri, String clientId, String tenantId, Clock clock) {
        this(jwksUri, clientId, tenantId, io.teamsbridge.config.MicrosoftCloud.GLOBAL.tokenIssuers(tenantId), clock,
                new DefaultResourceRetriever((int) JWKS_CONNECT_TIMEOUT.toMillis(), (int) JWKS_READ_TIMEOUT.toMillis(), JWKS_SIZE_LIMIT));
    }

    /**
     * @param issuers the issuers a token may name: our tenant in the configured cloud, v1 and v2 forms
     * @param retriever fetches the signing keys (through the service's outbound client); it must
     *     bound the time and the size of what it reads
     */
    public ValidationTokenVerifier(URI jwksUri, String clientId, String tenantId, java.util.List<String> issuers, Clock clock,
            com.nimbusds.jose.util.ResourceRetriever retriever) {
        if (clientId == null || clientId.isBlank() || tenantId == null || tenantId.isBlank()) {
            throw new IllegalArgumentException("validation tokens need the app's client id and the tenant id");
        }
        this.jwksUri = jwksUri;
        this.claims = new GraphTokenClaims(clientId, tenantId, issuers, clock, CLOCK_SKEW);
        this.keys = JWKSourceBuilder
                .<SecurityContext>create(url(jwksUri), retriever)
                .cache(JWKS_CACHE.toMillis(), JWKS_CONNECT_TIMEOUT.plus(JWKS_READ_TIMEOUT).toMillis())
                .refreshAheadCache(false)
                .rateLimited(JWKS_MIN_REFETCH_INTERVAL.toMillis())
                .outageTolerant(JWKS_OUTAGE_TOLERANCE.toMillis())
                .retrying(false)
                .build();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        // The claims are checked by GraphTokenClaims against the injected clock, not the system's.
        processor.setJWTClaimsSetVerifier((claimsSet, context) -> {});
    }

    /**
     * Fetches the signing keys now, so the first webhook after start does not wait for them
     * (Graph allows the endpoint 3 seconds). Optional; failures are only reported.
     *
     * @return empty when keys were fetched, else why not
     */
    public Optional<String> prefetchKeys() {
        try {
            return keys.get(new JWKSelector(new JWKMatcher.Builder().build()), null).isEmpty()
                    ? Optional.of(jwksUri + " holds no keys")
                    : Optional.empty();
        } catch (KeySourceException e) {
            return Optional.of("the signing keys could not be fetched from " + jwksUri + ": " + e.getMessage());
        }
    }

    /** {@link TokenCheck.Valid} only if there is at least one token and every token is valid. */
    public TokenCheck verify(@Nullable List<String> validationTokens) {
        if (validationTokens == null || validationTokens.isEmpty()) {
            return new TokenCheck.Invalid("the batch carries no validationTokens, but notifications with resource data must");
        }
        for (int i = 0; i < validationTokens.size(); i++) {
            Optional<String> problem = problem(validationTokens.get(i));
            if (problem.isPresent()) {
                return new TokenCheck.Invalid("validation token " + (i + 1) + " of " + validationTokens.size() + " is not valid: " + problem.get());
            }
        }
        return new TokenCheck.Valid();
    }

    private Optional<String> problem(@Nullable String token) {
        if (token == null || token.isBlank()) {
            return Optional.of("it is empty");
        }
        if (token.length() > MAX_TOKEN_CHARS) {
            return Optional.of("it is longer than " + MAX_TOKEN_CHARS + " characters");
        }
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException e) {
            return Optional.of("it is not a JWT");
        }
        // Decided here, before any key is looked at, so "none" and HMAC tokens never get near a verifier.
        if (jwt instanceof PlainJWT) {
            return Optional.of("it is unsigned (alg none)");
        }
        if (jwt instanceof EncryptedJWT || !(jwt instanceof SignedJWT signed)) {
            return Optional.of("it is encrypted, not signed");
        }
        JWSAlgorithm algorithm = signed.getHeader().getAlgorithm();
        if (!JWSAlgorithm.RS256.equals(algorithm)) {
            return Optional.of("it is signed with " + GraphTokenClaims.quote(algorithm.getName()) + ", but Graph signs with RS256");
        }
        String kid = GraphTokenClaims.quote(signed.getHeader().getKeyID());
        try {
            return claims.problem(processor.process(signed, null));
        } catch (BadJWSException e) {
            return Optional.of("its signature does not verify with signing key " + kid);
        } catch (BadJWTException e) {
            return Optional.of("its claims could not be read");
        } catch (BadJOSEException e) {
            return Optional.of(e.getMessage() != null && e.getMessage().contains("no matching key")
                    ? "it is signed with key " + kid + ", which is not among the signing keys at " + jwksUri
                    : "it was rejected: " + e.getMessage());
        } catch (RateLimitReachedException e) {
            return Optional.of("it is signed with key " + kid + ", which is not among the signing keys fetched recently from "
                    + jwksUri + " (refetching is rate-limited)");
        } catch (KeySourceException e) {
            return Optional.of("the signing keys could not be fetched from " + jwksUri + ": " + e.getMessage());
        } catch (JOSEException e) {
            return Optional.of("its signature could not be checked: " + e.getMessage());
        }
    }

    private static URL url(URI uri) {
        try {
            return uri.toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the JWKS location " + uri + " is not a URL", e);
        }
    }
}
