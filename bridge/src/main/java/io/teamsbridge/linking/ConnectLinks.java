package io.teamsbridge.linking;

import io.teamsbridge.config.BridgeProperties;
import io.teamsbridge.config.ConnectionsProperties;
import io.teamsbridge.crypto.SecretVault;
import io.teamsbridge.crypto.Tokens;
import io.teamsbridge.microsoft.MicrosoftIdentity;
import io.teamsbridge.store.OAuthState;
import io.teamsbridge.store.OAuthStateRepository;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Makes one-time connect links. The link carries a random state value bound to the Mattermost user;
 * only its hash is stored, next to a sealed PKCE verifier, so a database copy cannot be used to
 * finish anyone's sign-in.
 */
@Component
class ConnectLinks {
    static final String PATH = "/connect";

    private final OAuthStateRepository states;
    private final SecretVault vault;
    private final Tokens tokens;
    private final Clock clock;
    private final Duration lifetime;
    private final String base;

    ConnectLinks(OAuthStateRepository states, SecretVault vault, Tokens tokens, Clock clock,
            ConnectionsProperties connections, BridgeProperties bridge) {
        this.states = states;
        this.vault = vault;
        this.tokens = tokens;
        this.clock = clock;
        this.lifetime = connections.linkLifetime();
        this.base = bridge.publicBase();
    }

    /** A new link for the user, valid for the configured lifetime. */
    String create(String mattermostUserId) {
        String state = tokens.random();
        String hash = Tokens.sha256(state);
        Instant now = clock.instant();
        String verifier = vault.seal(MicrosoftIdentity.newCodeVerifier(), OAuthState.vaultContext(hash));
        states.insert(new OAuthState(hash, mattermostUserId, verifier, null, now, now.plus(lifetime), null, null));
        states.deleteExpiredBefore(now.minus(Duration.ofDays(1)));
        return base + PATH + "?state=" + URLEncoder.encode(state, StandardCharsets.UTF_8);
    }

    Duration lifetime() {
        return lifetime;
    }
}
