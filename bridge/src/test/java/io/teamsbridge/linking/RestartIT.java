package io.teamsbridge.linking;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamsbridge.testing.BridgeExtension;
import io.teamsbridge.testing.World;
import io.teamsbridge.testing.World.Person;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What users set survives a restart of the bridge on the same database. */
class RestartIT {
    @RegisterExtension
    static final BridgeExtension bridge = new BridgeExtension();

    @Test
    void notificationsOffAndTheConnectionSurviveARestart() {
        World world = bridge.world();
        Person ada = world.connected(world.person("ada"));
        assertThat(world.commandConfirmed(ada.mattermostUserId(), "notifications off")).contains("**off**");

        bridge.harness().stopBridge();
        bridge.harness().startBridge();

        assertThat(world.command(ada.mattermostUserId(), "notifications")).contains("notifications are **off**");
        assertThat(world.command(ada.mattermostUserId(), "status")).startsWith("You are connected to Microsoft Teams as");
    }
}
