package io.teamsbridge.microsoft;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPRequestSender;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import io.teamsbridge.config.BridgeProperties;
import io.teamsbridge.config.MicrosoftProperties;
import io.teamsbridge.http.OutboundClients;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The Microsoft identity platform (v2.0 endpoints) for this app registration: builds the sign-in
 * URL with PKCE S256, redeems authorization codes and refreshes tokens. Refresh tokens rotate: each
 * refresh returns a new one, which the caller must keep.
 */
@Component
public class MicrosoftIdentity {
    /** The sign-in's OpenID Connect scopes: profile to match the account, offline_access for a refresh token. */
    private static final List<String> IDENTITY_SCOPES = List.of("openid", "profile", "email", "offline_access");
    /** The prefixes Microsoft may put before a Graph permission's name in a token response's {@code scope}. */
    private static final List<String> GRAPH_PREFIXES = List.of("https://graph.microsoft.com/",
            "00000003-0000-0000-c000-000000000000/");
    public static final String CALLBACK_PATH = "/oauth/callback";

    private final MicrosoftProperties properties;
    private final URI redirectUri;
    private final Clock clock;
    private final HTTPRequestSender sender;
    private final Set<String> signInPermissions;

    public MicrosoftIdentity(MicrosoftProperties properties, BridgeProperties bridge,
            io.teamsbridge.config.RepliesProperties replies, Clock clock, OutboundClients clients) {
        this.properties = properties;
        this.sender = clients.tokenSender();
        this.redirectUri = URI.create(bridge.publicBase() + CALLBACK_PATH);
        this.clock = clock;
        this.signInPermissions = signInPermissions(properties.subscription(), replies.enabled());
    }

    /**
     * The Graph permissions a sign-in asks for: Chat.Read for the user's chats and, where the users'
     * own tokens stand in for application permissions, Presence.Read.All (delegated) to read the
     * presence of the people they are notified about; and ChatMessage.Send where replies are on.
     */
    static Set<String> signInPermissions(MicrosoftProperties.Subscription subscription, boolean replies) {
        Set<String> permissions = new LinkedHashSet<>(TokenSet.FIRST_PERMISSIONS.stream().sorted().toList());
        if (subscription.usersOwnTokens()) {
            permissions.add(PRESENCE_DELEGATED);
        }
        if (replies) {
            permissions.add(SEND_DELEGATED);
        }
        return Collections.unmodifiableSet(permissions);
    }

    /** The delegated permission with which a user's reply is sent into a chat as them. */
    public static final String SEND_DELEGATED = "ChatMessage.Send";

    /** The delegated permission with which one user's token reads the presence of others. */
    public static final String PRESENCE_DELEGATED = "Presence.Read.All";

    /** The Graph permissions each new sign-in asks for with this configuration. */
    public Set<String> signInPermissions() {
        return signInPermissions;
    }

    private static Scope scope(Collection<String> permissions) {
        Scope scope = new Scope(IDENTITY_SCOPES.toArray(String[]::new));
        permissions.forEach(scope::add);
        return scope;
    }

    /** Sends token requests through the shared outbound client (proxy, trusted CAs, metrics). */
    HTTPRequestSender sender() {
        return sender;
    }

    public URI endpoint(String name) {
        return URI.create(properties.authorityBase() + "/" + properties.tenantId() + "/oauth2/v2.0/" + name);
    }

    /** Where the browser goes to sign in; Microsoft sends it back to {@link #CALLBACK_PATH}. */
    public URI authorizationUrl(String state, String codeVerifier) {
        return new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE), new ClientID(properties.clientId()))
                .endpointURI(endpoint("authorize"))
                .redirectionURI(redirectUri)
                .scope(scope(signInPermissions))
                .state(new State(state))
                .codeChallenge(new CodeVerifier(codeVerifier), CodeChallengeMethod.S256)
                .build()
                .toURI();
    }

    /** A fresh PKCE code verifier (43+ characters of high entropy). */
    public static String newCodeVerifier() {
        return new CodeVerifier().getValue();
    }

    /**
     * A redeemed authorization code: the user's tokens, and the tenant ({@code tid}) their ID token
     * names, which the caller compares with ours. The ID token comes straight from the token
     * endpoint over TLS, so its claims are read without checking its signature (OpenID Connect
     * Core 3.1.3.7).
     */
    public record CodeRedemption(TokenSet tokens, String tenantId) {}

    public CodeRedemption redeemCode(String code, String codeVerifier) {
        Issued issued = token(new AuthorizationCodeGrant(new AuthorizationCode(code), redirectUri, new CodeVerifier(codeVerifier)),
                null, signInPermissions);
        return new CodeRedemption(issued.tokens(), tenantOf(issued.idToken()));
    }

    /** Whether a tenant id names the tenant this bridge is configured for. */
    public boolean isOurTenant(String tenantId) {
        return tenantId != null && tenantId.equalsIgnoreCase(properties.tenantId());
    }

    /**
     * Exchanges the refresh token for new tokens, including a new refresh token. It asks for the
     * permissions the user granted before, not for today's sign-in set: Microsoft refuses a refresh
     * that asks for more than was consented to, and a user who connected before a permission was
     * added keeps working with what they granted.
     */
    public TokenSet refresh(TokenSet current) {
        return token(new RefreshTokenGrant(new RefreshToken(current.refreshToken())), scope(current.permissions()),
                current.permissions()).tokens();
    }

    private static String tenantOf(Object idToken) {
        if (!(idToken instanceof String jwt)) {
            throw new MicrosoftIdentityException("no_id_token", "Microsoft returned no ID token for the sign-in.", null);
        }
        try {
            return com.nimbusds.jwt.JWTParser.parse(jwt).getJWTClaimsSet().getStringClaim("tid");
        } catch (java.text.ParseException e) {
            throw new MicrosoftIdentityException("invalid_id_token", "Microsoft returned an ID token that cannot be read.", e);
        }
    }

    private record Issued(TokenSet tokens, Object idToken) {}

    /** @param asked the Graph permissions asked for, taken as granted when the response does not list them */
    private Issued token(AuthorizationGrant grant, Scope scope, Set<String> asked) {
        TokenRequest request = new TokenRequest(endpoint("token"),
                new ClientSecretPost(new ClientID(properties.clientId()), new Secret(properties.clientSecret())), grant, scope);
        HTTPRequest http = request.toHTTPRequest();
        int timeout = (int) properties.requestTimeout().toMillis();
        http.setConnectTimeout(Math.min(timeout, 5000));
        http.setReadTimeout(timeout);
        Instant sentAt = clock.instant();
        HTTPResponse response;
        try {
            response = http.send(sender);
        } catch (IOException e) {
            throw new MicrosoftIdentityException("unreachable",
                    "The Microsoft identity platform could not be reached at " + properties.authorityBase() + " ("
                            + e.getClass().getSimpleName() + ")", e);
        }
        TokenResponse parsed;
        try {
            parsed = TokenResponse.parse(response);
        } catch (ParseException e) {
            throw new MicrosoftIdentityException("invalid_response",
                    "The Microsoft identity platform answered " + response.getStatusCode() + " with a body that is not a token response", e);
        }
        if (!parsed.indicatesSuccess()) {
            ErrorObject error = parsed.toErrorResponse().getErrorObject();
            String code = error.getCode() == null ? "http_" + response.getStatusCode() : error.getCode();
            throw new MicrosoftIdentityException(code, "Microsoft refused the token request (" + code + "): "
                    + firstLine(error.getDescription()), null);
        }
        AccessTokenResponse ok = parsed.toSuccessResponse();
        var tokens = ok.getTokens();
        RefreshToken refresh = tokens.getRefreshToken();
        if (refresh == null) {
            throw new MicrosoftIdentityException("no_refresh_token",
                    "Microsoft returned no refresh token; the app registration must allow the offline_access scope.", null);
        }
        long lifetime = tokens.getAccessToken().getLifetime() > 0 ? tokens.getAccessToken().getLifetime() : 3600;
        Scope granted = tokens.getAccessToken().getScope();
        return new Issued(new TokenSet(tokens.getAccessToken().getValue(), refresh.getValue(), sentAt.plusSeconds(lifetime),
                granted == null ? asked : graphPermissions(granted)), ok.getCustomParameters().get("id_token"));
    }

    /** The Graph permissions in a token response's {@code scope}, by bare name; the OpenID scopes left out. */
    static Set<String> graphPermissions(Scope granted) {
        Set<String> permissions = new LinkedHashSet<>();
        for (Scope.Value value : granted) {
            String name = value.getValue();
            for (String prefix : GRAPH_PREFIXES) {
                if (name.regionMatches(true, 0, prefix, 0, prefix.length())) {
                    name = name.substring(prefix.length());
                }
            }
            if (!IDENTITY_SCOPES.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                permissions.add(name);
            }
        }
        return permissions;
    }

    private static String firstLine(String description) {
        if (description == null) {
            return "no description";
        }
        String line = description.lines().findFirst().orElse(description);
        return line.length() > 300 ? line.substring(0, 300) : line;
    }
}
