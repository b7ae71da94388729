package io.teamsbridge.linking;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamsbridge.store.AccountLinkRepository;
import io.teamsbridge.testing.BridgeExtension;
import io.teamsbridge.testing.World.Person;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With connections.require-verified-email off, an unverified email connects as before. */
class UnverifiedEmailAllowedIT {
    @RegisterExtension
    static final BridgeExtension bridge = new BridgeExtension(Map.of("connections.require-verified-email", "false"));

    @Test
    void anUnverifiedEmailConnectsWhenTheAdministratorAllowsIt() {
        Person una = bridge.world().personWithEmailVerification("una", false, "");

        bridge.world().connected(una);

        assertThat(bridge.harness().bean(AccountLinkRepository.class).findByMattermostUser(una.mattermostUserId())).isPresent();
    }
}
