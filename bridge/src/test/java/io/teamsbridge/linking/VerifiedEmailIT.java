package io.teamsbridge.linking;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamsbridge.store.AccountLinkRepository;
import io.teamsbridge.testing.BridgeExtension;
import io.teamsbridge.testing.World;
import io.teamsbridge.testing.World.Person;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The email ties a Mattermost account to a Teams account, so only an email Mattermost vouches for
 * counts (connections.require-verified-email, on by default), and only a sign-in to our own
 * organisation.
 */
class VerifiedEmailIT {
    @RegisterExtension
    static final BridgeExtension bridge = new BridgeExtension();

    private World world() {
        return bridge.world();
    }

    private long rows(String table) {
        return bridge.harness().bean(JdbcClient.class).sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    private boolean connected(String mattermostUserId) {
        return bridge.harness().bean(AccountLinkRepository.class).findByMattermostUser(mattermostUserId).isPresent();
    }

    @Test
    void anAccountWithAnUnverifiedEmailGetsNoConnectLink() {
        Person ursula = world().personWithEmailVerification("ursula", false, "");
        long states = rows("oauth_state");

        String reply = world().command(ursula.mattermostUserId(), "connect");

        assertThat(reply).contains("email address is not verified").doesNotContain("/connect?state=");
        assertThat(rows("oauth_state")).isEqualTo(states);
    }

    @Test
    void anAccountThatSignsInThroughSsoConnectsWithoutAVerifiedFlag() {
        Person sam = world().personWithEmailVerification("sam", false, "saml");

        world().connected(sam);

        assertThat(connected(sam.mattermostUserId())).isTrue();
    }

    @Test
    void takingAColleaguesAddressDoesNotGetTheColleaguesChats() {
        // The colleague is in Teams but not yet in Mattermost; mallory types the colleague's address
        // as her own Mattermost email, never verifies it, and gets the colleague to open her link.
        String colleagueEmail = "colleague" + System.nanoTime() + "@example.com";
        String colleague = bridge.harness().teams().createUser("Colleague", colleagueEmail, colleagueEmail);
        String mallory = world().mattermostUserWithUnverifiedEmail("mallory", colleagueEmail);

        assertThat(world().command(mallory, "connect")).contains("email address is not verified");

        // Even with a link made before the rule could refuse her, the sign-in does not connect.
        String link = bridge.harness().bean(ConnectLinks.class).create(mallory);
        HttpResponse<String> page = world().followAs(link, colleague);

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("email address is not verified").contains("Nothing was connected");
        assertThat(connected(mallory)).isFalse();
        assertThat(bridge.harness().bean(AccountLinkRepository.class).findByTeamsUser(colleague)).isEmpty();
    }

    @Test
    void aSignInToAnotherOrganisationConnectsNothing() {
        Person visitor = world().personFromAnotherTenant("visitor", "99999999-8888-7777-6666-555555555555");

        HttpResponse<String> page = world().followAs(world().connectLink(visitor), visitor.teamsUserId());

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("belongs to another organisation").contains("Nothing was connected");
        assertThat(connected(visitor.mattermostUserId())).isFalse();
    }
}
