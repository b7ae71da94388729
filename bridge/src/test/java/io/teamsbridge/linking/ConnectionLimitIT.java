package io.teamsbridge.linking;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamsbridge.store.AccountLinkRepository;
import io.teamsbridge.testing.BridgeExtension;
import io.teamsbridge.testing.World.Person;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The administrator's connection limit ({@code connections.max-users}). */
class ConnectionLimitIT {
    @RegisterExtension
    static final BridgeExtension bridge = new BridgeExtension(Map.of("connections.max-users", "1"));

    @Test
    void whenTheLimitIsReachedNobodyElseCanConnectAndNothingIsStored() {
        var world = bridge.world();
        AccountLinkRepository links = bridge.harness().bean(AccountLinkRepository.class);
        Person first = world.person("first");
        Person late = world.person("late");
        String lateLink = world.connectLink(late); // taken while there was still room

        world.connected(first);

        assertThat(world.command(late.mattermostUserId(), "connect"))
                .contains("The administrator allows at most 1 connected users")
                .doesNotContain("state=");
        HttpResponse<String> page = world.followAs(lateLink, late.teamsUserId());
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("No more accounts can be connected");
        assertThat(links.findByMattermostUser(late.mattermostUserId())).isEmpty();
        assertThat(links.countActive()).isEqualTo(1);

        world.commandConfirmed(first.mattermostUserId(), "disconnect");
        world.connected(late);
        assertThat(links.findByMattermostUser(late.mattermostUserId())).isPresent();

        // A connection Microsoft no longer accepts holds no place: someone else may connect.
        var lateLinkRow = links.findByMattermostUser(late.mattermostUserId()).orElseThrow();
        assertThat(links.markLost(late.mattermostUserId(), lateLinkRow.connectedAt(), java.time.Instant.now(), "revoked")).isTrue();
        assertThat(links.countActive()).isZero();
        Person third = world.person("third");
        world.connected(third);
        assertThat(links.countActive()).isEqualTo(1);
        assertThat(world.command(late.mattermostUserId(), "connect"))
                .as("the lost user reconnecting would now be one too many")
                .contains("The administrator allows at most 1 connected users");
    }
}
