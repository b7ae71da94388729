package io.teamsbridge.linking;

import io.teamsbridge.microsoft.TokenCodec;
import static org.assertj.core.api.Assertions.assertThat;

import io.teamsbridge.crypto.SecretVault;
import io.teamsbridge.microsoft.TokenSet;
import io.teamsbridge.ops.PeriodicJob;
import io.teamsbridge.store.AccountLink;
import io.teamsbridge.store.AccountLinkRepository;
import io.teamsbridge.testing.BridgeExtension;
import io.teamsbridge.testing.World;
import io.teamsbridge.testing.World.Person;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Tokens are refreshed when needed, rotation is kept, and a connection Microsoft revoked is reported once. */
class ConnectionRefreshIT {
    @RegisterExtension
    static final BridgeExtension bridge = new BridgeExtension();

    private TokenSet storedTokens(String mattermostUserId) {
        AccountLink link = bridge.harness().bean(AccountLinkRepository.class).findByMattermostUser(mattermostUserId).orElseThrow();
        return TokenCodec.decode(bridge.harness().bean(SecretVault.class)
                .open(link.tokensSealed(), AccountLink.vaultContext(mattermostUserId)));
    }

    private void refreshPass() {
        bridge.harness().bean("linkRefreshJob", PeriodicJob.class).runNow();
    }

    @Test
    void anExpiringAccessTokenIsRefreshedAndTheRotatedRefreshTokenKept() {
        World world = bridge.world();
        Person ann = world.connected(world.person("ann"));
        TokenSet first = storedTokens(ann.mattermostUserId());
        UserTokens tokens = bridge.harness().bean(UserTokens.class);

        assertThat(tokens.accessToken(ann.mattermostUserId())).contains(first.accessToken());
        bridge.harness().clock().advance(Duration.ofMinutes(58));
        String renewedAccess = tokens.accessToken(ann.mattermostUserId()).orElseThrow();

        TokenSet second = storedTokens(ann.mattermostUserId());
        assertThat(renewedAccess).isEqualTo(second.accessToken()).isNotEqualTo(first.accessToken());
        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(second.accessExpiresAt()).isAfter(first.accessExpiresAt());
    }

    @Test
    void quietConnectionsAreRefreshedPeriodically() {
        World world = bridge.world();
        Person ben = world.connected(world.person("ben"));
        TokenSet before = storedTokens(ben.mattermostUserId());

        bridge.harness().clock().advance(Duration.ofHours(13));
        refreshPass();

        assertThat(storedTokens(ben.mattermostUserId()).refreshToken()).isNotEqualTo(before.refreshToken());
        assertThat(bridge.harness().bean(AccountLinkRepository.class).findByMattermostUser(ben.mattermostUserId())
                .orElseThrow().active()).isTrue();
    }

    @Test
    void aRevokedConnectionIsMarkedLostAndTheUserIsToldOnceWithAReconnectLink() {
        World world = bridge.world();
        Person cat = world.connected(world.person("cat"));
        bridge.harness().teams().revoke(cat.teamsUserId());

        bridge.harness().clock().advance(Duration.ofHours(13));
        refreshPass();
        refreshPass();

        AccountLink link = bridge.harness().bean(AccountLinkRepository.class).findByMattermostUser(cat.mattermostUserId()).orElseThrow();
        assertThat(link.status()).isEqualTo(AccountLink.Status.LOST);
        assertThat(link.lastError()).contains("invalid_grant");
        var lost = bridge.harness().chat().botPosts(cat.mattermostUserId()).stream()
                .map(p -> p.path("message").asString())
                .filter(m -> m.contains("Your Microsoft Teams connection was lost"))
                .toList();
        assertThat(lost).hasSize(1);
        assertThat(world.command(cat.mattermostUserId(), "status")).contains("was lost on").contains("/msteams connect");
        assertThat(bridge.harness().bean(UserTokens.class).accessToken(cat.mattermostUserId())).isEmpty();

        Matcher reconnect = Pattern.compile("\\]\\((http[^)]+/connect\\?state=[^)]+)\\)").matcher(lost.getFirst());
        assertThat(reconnect.find()).isTrue();
        assertThat(world.followAs(reconnect.group(1), cat.teamsUserId()).body()).contains("Connected to Microsoft Teams");
        assertThat(bridge.harness().bean(AccountLinkRepository.class).findByMattermostUser(cat.mattermostUserId())
                .orElseThrow().active()).isTrue();
    }
}
