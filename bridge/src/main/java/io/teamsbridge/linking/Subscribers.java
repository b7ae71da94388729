package io.teamsbridge.linking;

import io.teamsbridge.microsoft.TokenCodec;
import io.teamsbridge.crypto.SecretVault;
import io.teamsbridge.microsoft.TokenSet;
import io.teamsbridge.microsoft.subscriptions.SubscriberAccounts;
import io.teamsbridge.store.AccountLink;
import io.teamsbridge.store.AccountLinkRepository;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The connected users as the per-user subscriptions see them: ids, tokens, and a word to them. */
@Component
class Subscribers implements SubscriberAccounts {
    private final AccountLinkRepository links;
    private final UserTokens tokens;
    private final SecretVault vault;
    private final Welcome messages;
    private final Clock clock;

    Subscribers(AccountLinkRepository links, UserTokens tokens, SecretVault vault, Welcome messages, Clock clock) {
        this.links = links;
        this.tokens = tokens;
        this.vault = vault;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public Map<String, String> connected() {
        return links.activeAccounts();
    }

    @Override
    public long generation() {
        return links.generation();
    }

    @Override
    public Optional<String> accessToken(String teamsUserId) {
        Optional<AccountLink> link = links.findByTeamsUser(teamsUserId);
        if (link.isEmpty()) {
            return Optional.empty();
        }
        if (link.get().active()) {
            return tokens.accessToken(link.get().mattermostUserId());
        }
        // Lost: Microsoft refuses to refresh it, but the last access token may live on for up to an hour.
        TokenSet last = TokenCodec.decode(vault.open(link.get().tokensSealed(),
                AccountLink.vaultContext(link.get().mattermostUserId())));
        return last.accessExpiresAt().isAfter(clock.instant()) ? Optional.of(last.accessToken()) : Optional.empty();
    }

    @Override
    public Optional<String> accessTokenGranting(String teamsUserId, String permission) {
        return links.findByTeamsUser(teamsUserId).filter(AccountLink::active)
                .flatMap(link -> tokens.accessTokenGranting(link.mattermostUserId(), permission));
    }

    @Override
    public void tellRefused(String mattermostUserId, String why) {
        messages.subscriptionRefused(mattermostUserId, why);
    }
}
