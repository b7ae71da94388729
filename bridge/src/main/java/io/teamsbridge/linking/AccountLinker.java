package io.teamsbridge.linking;

import io.teamsbridge.microsoft.TokenCodec;
import io.teamsbridge.crypto.SecretVault;
import io.teamsbridge.crypto.Tokens;
import io.teamsbridge.linking.ConnectOutcome.Connected;
import io.teamsbridge.linking.ConnectOutcome.Refused;
import io.teamsbridge.mattermost.MattermostClient;
import io.teamsbridge.mattermost.MattermostException;
import io.teamsbridge.mattermost.MattermostWire;
import io.teamsbridge.microsoft.GraphClient;
import io.teamsbridge.microsoft.GraphException;
import io.teamsbridge.microsoft.GraphUser;
import io.teamsbridge.microsoft.MicrosoftIdentity;
import io.teamsbridge.microsoft.MicrosoftIdentityException;
import io.teamsbridge.microsoft.TokenSet;
import io.teamsbridge.store.AccountLink;
import io.teamsbridge.store.AccountLinkRepository;
import io.teamsbridge.store.OAuthState;
import io.teamsbridge.store.OAuthStateRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Finishes a sign-in: checks the state (known, opened in this browser, not used, not expired),
 * redeems the code with the PKCE verifier, reads {@code /me}, and connects the accounts only when
 * the emails match and the administrator's rules allow it. Any refusal stores nothing.
 */
@Component
class AccountLinker {
    private static final Logger log = LoggerFactory.getLogger(AccountLinker.class);
    /** The slash command as this Mattermost knows it, for what the pages tell people to type. */
    private final String command;

    private final OAuthStateRepository states;
    private final AccountLinkRepository links;
    private final SecretVault vault;
    private final MicrosoftIdentity identity;
    private final GraphClient graph;
    private final MattermostClient mattermost;
    private final ConnectPolicy policy;
    private final Welcome welcome;
    private final Clock clock;

    AccountLinker(OAuthStateRepository states, AccountLinkRepository links, SecretVault vault, MicrosoftIdentity identity,
            GraphClient graph, MattermostClient mattermost, ConnectPolicy policy, Welcome welcome, Clock clock,
            io.teamsbridge.config.MattermostProperties mattermostSettings) {
        this.states = states;
        this.links = links;
        this.vault = vault;
        this.identity = identity;
        this.graph = graph;
        this.mattermost = mattermost;
        this.policy = policy;
        this.welcome = welcome;
        this.clock = clock;
        this.command = "/" + mattermostSettings.commandTrigger();
    }

    /** The callback's parameters, as Microsoft sent them. */
    record Callback(String state, String code, String error, String errorDescription, String browserCookie) {}

    ConnectOutcome complete(Callback callback) {
        if (callback.state() == null || callback.state().isBlank()) {
            return Refused.of("This sign-in did not come from a connect link",
                    "Run " + command + " connect in Mattermost and follow the link it gives you.");
        }
        String stateHash = Tokens.sha256(callback.state());
        Optional<OAuthState> found = states.find(stateHash);
        if (found.isEmpty()) {
            return Refused.of("This connect link is not valid",
                    "Run " + command + " connect in Mattermost for a new link.");
        }
        OAuthState state = found.get();
        if (state.browserHash() == null || callback.browserCookie() == null
                || !Tokens.constantTimeEquals(state.browserHash(), Tokens.sha256(callback.browserCookie()))) {
            return Refused.of("This sign-in was finished in a different browser from the one that opened the link",
                    "Run " + command + " connect again and complete the sign-in in the same browser.");
        }
        Instant now = clock.instant();
        if (!states.markUsed(stateHash, now)) {
            return Refused.of("This connect link was used already or has expired",
                    "A link works once and for a limited time. Run /msteams connect in Mattermost for a new one.");
        }
        if (callback.error() != null) {
            return "access_denied".equals(callback.error())
                    ? Refused.of("You cancelled the sign-in", "Nothing was connected. Run /msteams connect when you want to try again.")
                    : Refused.of("Microsoft could not sign you in (" + callback.error() + ")",
                            describe(callback.errorDescription()) + " Run /msteams connect to try again; if it keeps "
                                    + "happening, show this message to your administrator.");
        }
        if (callback.code() == null || callback.code().isBlank()) {
            return Refused.of("Microsoft returned no authorization code", "Run " + command + " connect to try again.");
        }
        return connect(state, callback.code(), now);
    }

    private ConnectOutcome connect(OAuthState state, String code, Instant now) {
        String userId = state.mattermostUserId();
        MattermostWire.User mmUser;
        try {
            mmUser = mattermost.user(userId);
        } catch (MattermostException e) {
            log.warn("Sign-in of Mattermost user {}: the user could not be read from Mattermost: {}", userId, e.getMessage());
            return new Refused("Your Mattermost account could not be checked",
                    "Mattermost did not answer as expected. Please try again in a minute.", 502);
        }
        if (mmUser.email() == null || mmUser.email().isBlank()) {
            log.warn("Sign-in of Mattermost user {}: Mattermost hides the user's email from the bot. Give the bot the "
                    + "system admin role, or turn on Privacy > Show Email Address.", userId);
            return Refused.of("Your Mattermost email address could not be read",
                    "teams-bridge compares it with your Microsoft account. Ask your administrator to let the bot see emails.");
        }
        Optional<String> unverified = policy.emailRefusal(mmUser);
        if (unverified.isPresent()) {
            log.info("Sign-in of Mattermost user {} refused: Mattermost has not verified the account's email.", userId);
            return new Refused("Your Mattermost email address is not verified", unverified.get(), 403);
        }
        TokenSet tokens;
        GraphUser me;
        try {
            MicrosoftIdentity.CodeRedemption redeemed = identity.redeemCode(code,
                    vault.open(state.verifierSealed(), OAuthState.vaultContext(state.stateHash())));
            if (!identity.isOurTenant(redeemed.tenantId())) {
                log.warn("Sign-in of Mattermost user {} refused: the Microsoft account belongs to another organisation "
                        + "(tenant {}).", userId, redeemed.tenantId());
                return new Refused("This Microsoft account belongs to another organisation",
                        "Sign in with your work account in this organisation's Microsoft 365. Run /msteams connect to try "
                                + "again.", 403);
            }
            tokens = redeemed.tokens();
            me = graph.me(tokens.accessToken());
        } catch (MicrosoftIdentityException | GraphException e) {
            log.warn("Sign-in of Mattermost user {} failed at Microsoft: {}", userId, e.getMessage());
            return new Refused("Microsoft did not complete the sign-in",
                    "Please run /msteams connect and try again. If it keeps failing, your administrator can find the cause "
                            + "in the teams-bridge log.", 502);
        }
        String microsoftEmail = me.effectiveEmail();
        if (!EmailMatch.matches(microsoftEmail, mmUser.email())) {
            log.info("Sign-in of Mattermost user {} refused: the Microsoft account's email does not match.", userId);
            return Refused.of("Your Microsoft account's email does not match your Mattermost email",
                    "You signed in to Microsoft as " + microsoftEmail + ", but your Mattermost account's email is "
                            + mmUser.email() + ". Run /msteams connect again and sign in with the Teams account that uses "
                            + mmUser.email() + ".");
        }
        if (!policy.allows(mmUser.username(), mmUser.email())) {
            return new Refused("You are not on the list of people who may connect",
                    "Your administrator allows only some people to connect Microsoft Teams. Ask them to add you.", 403);
        }
        Optional<String> limit = policy.limitReached(userId);
        if (limit.isPresent()) {
            return new Refused("No more accounts can be connected", limit.get() + " Ask your administrator.", 403);
        }
        Optional<AccountLink> holder = links.findByTeamsUser(me.id());
        if (holder.isPresent() && !holder.get().mattermostUserId().equals(userId)) {
            return alreadyConnected(me);
        }
        AccountLink link = new AccountLink(userId, me.id(), me.userPrincipalName(), me.displayName(), mmUser.email(),
                vault.seal(TokenCodec.encode(tokens), AccountLink.vaultContext(userId)), tokens.accessExpiresAt(), now, now,
                AccountLink.Status.ACTIVE, null, null);
        try {
            links.connect(link);
        } catch (DuplicateKeyException raced) {
            return alreadyConnected(me);
        }
        log.info("Mattermost user {} connected Teams account {}.", userId, me.id());
        welcome.send(userId, me);
        return new Connected(me.displayName(), microsoftEmail);
    }

    private static Refused alreadyConnected(GraphUser me) {
        return Refused.of("This Teams account is already connected to another Mattermost account",
                "The Teams account " + me.effectiveEmail() + " can be connected to one Mattermost account at a time. "
                        + "Disconnect it there with /msteams disconnect, or ask your administrator.");
    }

    private static String describe(String description) {
        if (description == null || description.isBlank()) {
            return "Microsoft gave no reason.";
        }
        String line = description.lines().findFirst().orElse("").strip();
        return "Microsoft said: " + (line.length() > 300 ? line.substring(0, 300) + "…" : line);
    }
}
