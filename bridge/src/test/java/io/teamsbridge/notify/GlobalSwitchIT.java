package io.teamsbridge.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamsbridge.testing.BridgeExtension;
import io.teamsbridge.testing.World;
import io.teamsbridge.testing.World.Person;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With {@code notifications.enabled=false} nobody is notified, and users are told why. */
class GlobalSwitchIT {
    @RegisterExtension
    static final BridgeExtension bridge = new BridgeExtension(Map.of("notifications.enabled", "false"));

    @Test
    void nobodyIsNotifiedWhileTheGlobalSwitchIsOff() {
        World world = bridge.world();
        world.awaitSubscription();
        Person sender = world.person("sender");
        Person recipient = world.connected(world.person("recipient"));
        world.presence(recipient, "Away", "Away");
        String chat = world.chat("oneOnOne", null, sender, recipient);

        String message = world.say(chat, sender, "<p>hello?</p>");
        world.awaitProcessed(chat, message);

        assertThat(world.notifications(recipient)).isEmpty();
        assertThat(world.command(recipient.mattermostUserId(), "notifications"))
                .contains("The administrator has turned Teams chat notifications off for everyone");
    }
}
