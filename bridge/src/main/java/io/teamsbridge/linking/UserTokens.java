package io.teamsbridge.linking;

import io.teamsbridge.microsoft.TokenCodec;
import io.teamsbridge.crypto.SecretVault;
import io.teamsbridge.microsoft.MicrosoftIdentity;
import io.teamsbridge.microsoft.MicrosoftIdentityException;
import io.teamsbridge.microsoft.TokenSet;
import io.teamsbridge.store.AccountLink;
import io.teamsbridge.store.AccountLinkRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A connected user's Microsoft access token, refreshed when it is about to expire. Microsoft rotates
 * refresh tokens, so each new one is sealed and stored before it is used. When Microsoft rejects the
 * refresh token for good ({@code invalid_grant}), the connection is marked lost and the user is told
 * once, with a link to reconnect.
 */
@Component
public class UserTokens {
    private static final Logger log = LoggerFactory.getLogger(UserTokens.class);
    /** Refresh a little before expiry so a token never runs out mid-request. */
    private static final Duration EARLY = Duration.ofMinutes(5);

    private final AccountLinkRepository links;
    private final SecretVault vault;
    private final MicrosoftIdentity identity;
    private final ConnectLinks connectLinks;
    private final Welcome messages;
    private final Clock clock;
    private final Counter rejected;
    private final Counter unavailable;

    UserTokens(AccountLinkRepository links, SecretVault vault, MicrosoftIdentity identity, ConnectLinks connectLinks,
            Welcome messages, Clock clock, MeterRegistry meters) {
        this.links = links;
        this.vault = vault;
        this.identity = identity;
        this.connectLinks = connectLinks;
        this.messages = messages;
        this.clock = clock;
        this.rejected = refreshFailures(meters, "rejected");
        this.unavailable = refreshFailures(meters, "unavailable");
    }

    /** {@code rejected}: Microsoft refused the refresh token (the connection is lost); {@code unavailable}: try later. */
    private static Counter refreshFailures(MeterRegistry meters, String reason) {
        return Counter.builder("teamsbridge.token.refresh.failures").tag("reason", reason)
                .description("Refreshes of users' Microsoft tokens that failed, by reason").register(meters);
    }

    /**
     * A valid access token for the user, if they are connected and Microsoft still accepts the
     * connection.
     *
     * @throws MicrosoftIdentityException when Microsoft cannot be asked right now (try later)
     */
    public Optional<String> accessToken(String mattermostUserId) {
        return validTokens(mattermostUserId, null).map(TokenSet::accessToken);
    }

    /**
     * The same, only if the user's sign-in granted {@code permission}; empty for those who signed in
     * before it was asked for (no refresh is spent on them).
     */
    public Optional<String> accessTokenGranting(String mattermostUserId, String permission) {
        return validTokens(mattermostUserId, permission).map(TokenSet::accessToken);
    }

    /** What {@link #tokenFor} found for a connection already read. */
    public sealed interface TokenFor {
        record Valid(String accessToken) implements TokenFor {}

        /** The connection's sign-in did not grant the permission (no refresh was spent on it). */
        record NotGranted() implements TokenFor {}

        /** Microsoft no longer accepts the connection: it is marked lost and the user told. */
        record Lost() implements TokenFor {}
    }

    /**
     * A valid access token from an active connection the caller has read, if its sign-in granted
     * {@code permission}: no second read of the connection, and no refresh when it did not.
     *
     * @throws MicrosoftIdentityException when Microsoft cannot be asked right now (try later)
     */
    public TokenFor tokenFor(AccountLink link, String permission) {
        TokenSet tokens = TokenCodec.decode(vault.open(link.tokensSealed(), AccountLink.vaultContext(link.mattermostUserId())));
        if (!tokens.grants(permission)) {
            return new TokenFor.NotGranted();
        }
        Optional<TokenSet> valid = valid(link, tokens);
        return valid.<TokenFor>map(t -> new TokenFor.Valid(t.accessToken())).orElseGet(TokenFor.Lost::new);
    }

    private Optional<TokenSet> validTokens(String mattermostUserId, String permission) {
        Optional<AccountLink> link = links.findByMattermostUser(mattermostUserId).filter(AccountLink::active);
        if (link.isEmpty()) {
            return Optional.empty();
        }
        TokenSet tokens = TokenCodec.decode(vault.open(link.get().tokensSealed(), AccountLink.vaultContext(mattermostUserId)));
        if (permission != null && !tokens.grants(permission)) {
            return Optional.empty();
        }
        return valid(link.get(), tokens);
    }

    /** These tokens while they are good for a while yet, else refreshed ones (empty: the connection is lost). */
    private Optional<TokenSet> valid(AccountLink link, TokenSet tokens) {
        if (tokens.accessExpiresAt().isAfter(clock.instant().plus(EARLY))) {
            return Optional.of(tokens);
        }
        return refresh(link);
    }

    /**
     * Refreshes the connection's tokens now. Returns the new tokens, or empty when Microsoft rejected
     * the refresh token (the connection is then lost).
     *
     * @throws MicrosoftIdentityException when Microsoft cannot be asked right now (try later)
     */
    Optional<TokenSet> refresh(AccountLink link) {
        String userId = link.mattermostUserId();
        TokenSet current = TokenCodec.decode(vault.open(link.tokensSealed(), AccountLink.vaultContext(userId)));
        Instant now = clock.instant();
        TokenSet renewed;
        try {
            renewed = identity.refresh(current);
        } catch (MicrosoftIdentityException e) {
            if (!e.grantRejected()) {
                unavailable.increment();
                throw e;
            }
            rejected.increment();
            if (links.markLost(userId, link.connectedAt(), now, e.getMessage())) {
                log.info("The Teams connection of Mattermost user {} is lost: {}. The user has been told.", userId,
                        e.getMessage());
                messages.connectionLost(userId, connectLinks.create(userId));
            }
            return Optional.empty();
        }
        String sealed = vault.seal(TokenCodec.encode(renewed), AccountLink.vaultContext(userId));
        if (!links.updateTokens(userId, link.connectedAt(), sealed, renewed.accessExpiresAt(), now)) {
            log.info("Mattermost user {} disconnected or reconnected during a token refresh; the refreshed tokens were dropped.",
                    userId);
            return Optional.empty();
        }
        return Optional.of(renewed);
    }
}
