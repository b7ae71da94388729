package io.teamsbridge.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.teamsbridge.testing.BridgeExtension;
import io.teamsbridge.testing.GraphSubscriptions;
import io.teamsbridge.testing.World;
import io.teamsbridge.testing.World.Person;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Graph may deliver for a subscription it has just created before the bridge has stored it. Such
 * a request is refused, not dropped, so Graph delivers it again, and then it is taken.
 */
class NewSubscriptionRaceIT {
    @RegisterExtension
    static final BridgeExtension bridge = new BridgeExtension(Map.of("microsoft.subscription.enabled", "false"));

    @Test
    void aMessageForASubscriptionNotStoredYetIsDeliveredOnceItIs() throws Exception {
        World world = bridge.world();
        Person owner = world.person("owner");
        Person recipient = world.connected(world.person("recipient"));
        world.presence(recipient, "Away", "Away");
        String chat = world.chat("oneOnOne", null, owner, recipient);
        GraphSubscriptions subscriptions = new GraphSubscriptions(bridge.harness());
        String id = subscriptions.createAtGraph("race-state", owner.teamsUserId(), true);
        long failures = bridge.harness().teams().stats().path("deliveryFailures").asLong();

        world.say(chat, owner, "<p>sent-before-the-subscription-was-stored</p>");
        await().atMost(Duration.ofSeconds(30)).until(() -> bridge.harness().teams().stats().path("deliveryFailures").asLong() > failures);
        assertThat(world.notifications(recipient)).isEmpty();

        subscriptions.store(id, "race-state"); // the creation finishes
        await().atMost(Duration.ofSeconds(60)).until(() -> world.notifications(recipient).stream()
                .anyMatch(p -> p.path("message").asString().contains("sent-before-the-subscription-was-stored")));
        assertThat(world.notifications(recipient)).hasSize(1);
    }
}
