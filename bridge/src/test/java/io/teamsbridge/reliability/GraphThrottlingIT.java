package io.teamsbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.teamsbridge.testing.BridgeExtension;
import io.teamsbridge.testing.World;
import io.teamsbridge.testing.World.Person;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * With Graph's documented rate limits enforced, 200 messages between connected users all arrive,
 * Graph rarely if ever answers 429, and the bridge makes well under 0.2 Graph requests per
 * delivered notification (chat members and presence are cached and batched; the message itself
 * comes encrypted in the notification, never by a GET).
 */
class GraphThrottlingIT {
    @RegisterExtension
    static final BridgeExtension bridge = new BridgeExtension(Map.of("notifications.presence-cache-ttl", "20s"), false);

    private static long graphRequests(JsonNode stats) {
        long total = 0;
        JsonNode requests = stats.path("requests");
        for (String key : requests.propertyNames()) {
            if (key.contains(" /v1.0/")) {
                total += requests.path(key).asLong(0);
            }
        }
        return total;
    }

    @Test
    void twoHundredMessagesArriveWithFewGraphRequestsAndRareThrottling() {
        World world = bridge.world();
        world.awaitSubscription();
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Person person = world.connected(world.person("member"));
            world.presence(person, "Away", "Away");
            people.add(person);
        }
        List<String> chats = new ArrayList<>();
        for (int i = 0; i < 10; i += 2) {
            chats.add(world.chat("oneOnOne", null, people.get(i), people.get(i + 1)));
        }
        assertThat(bridge.harness().teams().stats().path("requests").toString()).isNotEmpty();
        long graphBefore = graphRequests(bridge.harness().teams().stats());

        for (int n = 0; n < 200; n++) {
            int pair = n % 5;
            Person from = people.get(pair * 2 + (n / 5) % 2);
            world.say(chats.get(pair), from, "<p>message " + n + "</p>");
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() ->
                people.stream().mapToInt(p -> world.notifications(p).size()).sum() >= 200);

        assertThat(people.stream().mapToInt(p -> world.notifications(p).size()).sum()).isEqualTo(200);
        long graphCalls = graphRequests(bridge.harness().teams().stats()) - graphBefore;
        double perNotification = graphCalls / 200.0;
        double throttled = bridge.harness().bean(MeterRegistry.class).counter("teamsbridge.outbound.throttled", "peer", "graph").count();
        System.out.printf("Graph requests during the run: %d (%.3f per delivered notification); 429 answers: %.0f%n",
                graphCalls, perNotification, throttled);
        assertThat(perNotification).isLessThan(0.2);
        assertThat(throttled).isLessThanOrEqualTo(5);
    }
}
