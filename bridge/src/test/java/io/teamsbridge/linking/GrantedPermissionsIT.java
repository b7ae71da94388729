package io.teamsbridge.linking;

import io.teamsbridge.microsoft.TokenCodec;
import io.teamsbridge.microsoft.GrantedPermissions;
import static org.assertj.core.api.Assertions.assertThat;

import io.teamsbridge.crypto.SecretVault;
import io.teamsbridge.microsoft.TokenSet;
import io.teamsbridge.store.AccountLink;
import io.teamsbridge.store.AccountLinkRepository;
import io.teamsbridge.testing.BridgeExtension;
import io.teamsbridge.testing.World;
import io.teamsbridge.testing.World.Person;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each connection keeps the permissions its sign-in granted. The per-user mode with delegated tokens
 * asks new sign-ins for Presence.Read.All; people who connected before keep their connection: their
 * tokens are refreshed with what they granted, since Microsoft refuses a refresh that asks for more.
 */
class GrantedPermissionsIT {
    @RegisterExtension
    // Replies off, so the sign-ins ask for the first permissions only (ChatMessage.Send is the same case).
    static final BridgeExtension bridge = new BridgeExtension(java.util.Map.of("replies.enabled", "false"));

    private static AccountLink link(Person person) {
        return bridge.harness().bean(AccountLinkRepository.class).findByMattermostUser(person.mattermostUserId()).orElseThrow();
    }

    private static TokenSet stored(Person person) {
        return TokenCodec.decode(bridge.harness().bean(SecretVault.class)
                .open(link(person).tokensSealed(), AccountLink.vaultContext(person.mattermostUserId())));
    }

    /** Seals the user's tokens as the bridge did before it kept the granted permissions. */
    private static void sealWithoutPermissions(Person person) {
        AccountLink link = link(person);
        TokenSet tokens = stored(person);
        String legacy = "{\"access_token\":\"" + tokens.accessToken() + "\",\"refresh_token\":\"" + tokens.refreshToken()
                + "\",\"expires_at\":\"" + tokens.accessExpiresAt() + "\"}";
        String sealed = bridge.harness().bean(SecretVault.class).seal(legacy, AccountLink.vaultContext(person.mattermostUserId()));
        assertThat(bridge.harness().bean(AccountLinkRepository.class).reseal(person.mattermostUserId(), link.tokensSealed(), sealed))
                .isTrue();
    }

    @Test
    void peopleWhoConnectedBeforePresenceWasAskedForKeepTheirConnection() {
        World world = bridge.world();
        Person ann = world.connected(world.person("ann"));
        assertThat(stored(ann).permissions()).containsExactlyInAnyOrder("User.Read", "Chat.Read");
        sealWithoutPermissions(ann);

        bridge.harness().stopBridge();
        bridge.harness().setting("microsoft.subscription.mode", "per-user");
        bridge.harness().startBridge();
        Person ben = world.connected(world.person("ben"));
        assertThat(stored(ben).permissions()).containsExactlyInAnyOrder("User.Read", "Chat.Read", "Presence.Read.All");

        bridge.harness().clock().advance(Duration.ofMinutes(58)); // both access tokens are due for a refresh
        UserTokens tokens = bridge.harness().bean(UserTokens.class);
        assertThat(tokens.accessToken(ann.mattermostUserId())).isPresent();
        assertThat(tokens.accessToken(ben.mattermostUserId())).isPresent();

        assertThat(link(ann).active()).isTrue();
        assertThat(stored(ann).permissions()).containsExactlyInAnyOrder("User.Read", "Chat.Read");
        assertThat(stored(ben).permissions()).contains("Presence.Read.All");
        assertThat(tokens.accessTokenGranting(ann.mattermostUserId(), "Presence.Read.All")).isEmpty();
        assertThat(tokens.accessTokenGranting(ben.mattermostUserId(), "Presence.Read.All")).isPresent();
        assertThat(bridge.harness().bean(GrantedPermissions.class).count("Presence.Read.All"))
                .isEqualTo(new GrantedPermissions.Grants(1, 2));
    }
}
