package io.teamsbridge.microsoft;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import io.teamsbridge.config.MicrosoftProperties;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;

/**
 * The application's own Graph token (client credentials), cached until shortly before it expires.
 * Concurrent callers share one refresh. The lock is a {@link ReentrantLock}, not
 * {@code synchronized}: the refresh is an HTTP call, and a virtual thread blocked inside a monitor
 * pins its carrier on JDK 21–23, so a slow identity endpoint could stall every request thread.
 */
@Component
public class AppTokens {
    private static final Duration EARLY = Duration.ofMinutes(5);

    private final MicrosoftProperties properties;
    private final MicrosoftIdentity identity;
    private final Clock clock;
    private final ReentrantLock refreshing = new ReentrantLock();
    private volatile Cached cached;

    /** @param roles the token's application permissions, null when the token cannot be read */
    private record Cached(String token, Instant expiresAt, java.util.Set<String> roles) {}

    public AppTokens(MicrosoftProperties properties, MicrosoftIdentity identity, Clock clock) {
        this.properties = properties;
        this.identity = identity;
        this.clock = clock;
    }

    /** A valid application token for Graph. */
    public String token() {
        Cached current = cached;
        if (current != null && current.expiresAt().isAfter(clock.instant().plus(EARLY))) {
            return current.token();
        }
        refreshing.lock();
        try {
            current = cached;
            if (current == null || !current.expiresAt().isAfter(clock.instant().plus(EARLY))) {
                current = fetch();
                cached = current;
            }
            return current.token();
        } finally {
            refreshing.unlock();
        }
    }

    /**
     * Whether the app holds an application permission now, as its current token says. A token that
     * cannot be read is taken to hold it: Graph then decides.
     */
    public boolean holds(String permission) {
        token();
        Cached current = cached;
        return current == null || current.roles() == null || current.roles().contains(permission);
    }

    /** Forgets the cached token, e.g. after Graph rejected it. */
    public void invalidate() {
        cached = null;
    }

    private Cached fetch() {
        TokenRequest request = new TokenRequest(identity.endpoint("token"),
                new ClientSecretPost(new ClientID(properties.clientId()), new Secret(properties.clientSecret())),
                new ClientCredentialsGrant(), new Scope(properties.cloud().graphHost() + "/.default"));
        HTTPRequest http = request.toHTTPRequest();
        int timeout = (int) properties.requestTimeout().toMillis();
        http.setConnectTimeout(Math.min(timeout, 5000));
        http.setReadTimeout(timeout);
        Instant sentAt = clock.instant();
        try {
            HTTPResponse response = http.send(identity.sender());
            TokenResponse parsed = TokenResponse.parse(response);
            if (!parsed.indicatesSuccess()) {
                var error = parsed.toErrorResponse().getErrorObject();
                throw new MicrosoftIdentityException(error.getCode() == null ? "http_" + response.getStatusCode() : error.getCode(),
                        "Microsoft refused the application token (" + error.getCode() + "); check microsoft.client-id, "
                                + "microsoft.client-secret and admin consent: " + error.getDescription(), null);
            }
            AccessTokenResponse ok = parsed.toSuccessResponse();
            long lifetime = ok.getTokens().getAccessToken().getLifetime() > 0 ? ok.getTokens().getAccessToken().getLifetime() : 3600;
            String token = ok.getTokens().getAccessToken().getValue();
            return new Cached(token, sentAt.plusSeconds(lifetime), roles(token).orElse(null));
        } catch (IOException e) {
            throw new MicrosoftIdentityException("unreachable", "The Microsoft identity platform could not be reached at "
                    + properties.authorityBase() + " (" + e.getClass().getSimpleName() + ")", e);
        } catch (ParseException e) {
            throw new MicrosoftIdentityException("invalid_response", "The Microsoft identity platform answered with a body "
                    + "that is not a token response", e);
        }
    }

    /** The application permissions a token carries (its {@code roles} claim); empty when it cannot be read. */
    public static java.util.Optional<java.util.Set<String>> roles(String token) {
        try {
            java.util.List<String> roles = com.nimbusds.jwt.JWTParser.parse(token).getJWTClaimsSet().getStringListClaim("roles");
            return java.util.Optional.of(roles == null ? java.util.Set.of() : java.util.Set.copyOf(roles));
        } catch (java.text.ParseException e) {
            return java.util.Optional.empty();
        }
    }
}
