package io.teamsbridge.emulators.microsoft.identity;

import io.teamsbridge.emulators.http.Router;
import io.teamsbridge.emulators.microsoft.directory.UserDirectory;
import java.net.URI;
import java.time.Clock;

/**
 * The emulated Microsoft identity platform for one tenant and one registered app: registers its
 * endpoints on a router and offers what the rest of the emulator needs (token checks for Graph,
 * the signing key, the SSO session and revocation for the control API).
 */
public final class IdentityProvider {
    private final SigningKeys keys = new SigningKeys();
    private final SsoSession session = new SsoSession();
    private final AdminConsent consent = new AdminConsent();
    private final AccessTokenVerifier verifier;
    private final RefreshTokens refreshTokens;
    private final DiscoveryEndpoints discovery;
    private final AuthorizeEndpoint authorize;
    private final TokenEndpoint token;

    public IdentityProvider(AppRegistration app, UserDirectory directory, Clock clock, URI baseUrl) {
        SecureTokens random = new SecureTokens();
        AuthorizationCodes codes = new AuthorizationCodes(random, clock);
        this.refreshTokens = new RefreshTokens(random, clock);
        this.verifier = new AccessTokenVerifier(keys, app.tenantId(), clock);
        this.discovery = new DiscoveryEndpoints(app, keys, baseUrl);
        this.authorize = new AuthorizeEndpoint(app, directory, codes, session, clock);
        this.token = new TokenEndpoint(app, directory, codes, refreshTokens,
                new TokenMinter(app, keys, clock, baseUrl, consent));
    }

    public void register(Router router) {
        router.get("/{tenant}/v2.0/.well-known/openid-configuration", discovery::openIdConfigurationV2)
                .get("/{tenant}/.well-known/openid-configuration", discovery::openIdConfigurationV1)
                .get("/{tenant}/discovery/keys", discovery::keys)
                .get("/{tenant}/discovery/v2.0/keys", discovery::keysV2)
                .get("/{tenant}/oauth2/v2.0/authorize", authorize::get)
                .post("/{tenant}/oauth2/v2.0/authorize", authorize::post)
                .post("/{tenant}/oauth2/v2.0/token", token::token);
    }

    /** The application permissions consented to, which the control API may change. */
    public AdminConsent consent() {
        return consent;
    }

    public SigningKeys signingKeys() {
        return keys;
    }

    public AccessTokenVerifier verifier() {
        return verifier;
    }

    /** The next sign-ins at {@code /authorize} are this user, consent given, until {@link #endSession()}. */
    public void startSession(String userId) {
        session.start(userId);
    }

    public void endSession() {
        session.end();
    }

    /** Revokes every refresh token the user holds; access tokens already issued live out their hour. */
    public void revoke(String userId) {
        refreshTokens.revoke(userId);
    }
}
