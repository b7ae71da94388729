package io.teamsbridge.microsoft.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamsbridge.testing.BridgeExtension;
import io.teamsbridge.testing.World;
import io.teamsbridge.testing.World.Person;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The per-user mode with delegated tokens needs no application permission on chats: the
 * subscriptions are the users' own, and chats are read with a member's token. Here the app has
 * neither Chat.Read.All nor any other chat permission, and notifications still arrive.
 */
class PerUserWithoutChatPermissionIT {
    @RegisterExtension
    static final BridgeExtension bridge = new BridgeExtension(Map.of("microsoft.subscription.mode", "per-user"));

    private static World world;

    @BeforeAll
    static void withoutApplicationChatPermission() {
        world = bridge.world();
        bridge.harness().teams().revokeApplicationPermission("Chat.Read.All");
        bridge.harness().teams().revokeApplicationPermission("Chat.ReadWrite.All");
    }

    private static Person connectedAndAway(String name) {
        Person person = world.connected(world.person(name));
        world.presence(person, "Away", "Away");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> bridge.harness().teams().subscriptions().valueStream()
                .anyMatch(s -> s.path("resource").asString().startsWith("/users/" + person.teamsUserId() + "/")));
        return person;
    }

    @Test
    void groupAndOneOnOneMessagesAreDeliveredWithTheMembersOwnTokens() {
        Person ann = connectedAndAway("ann");
        Person ben = connectedAndAway("ben");
        Person cy = world.person("cy"); // not connected: writes only
        String group = world.chat("group", "Planning", ann, ben, cy);
        String oneOnOne = world.chat("oneOnOne", null, ann, cy);

        String inGroup = world.say(group, cy, "<p>agenda attached</p>");
        String direct = world.say(oneOnOne, cy, "<p>got a minute?</p>");
        world.awaitProcessed(group, inGroup);
        world.awaitProcessed(oneOnOne, direct);

        for (Person away : List.of(ann, ben)) {
            assertThat(world.notifications(away)).filteredOn(p -> p.path("message").asString().contains("agenda attached"))
                    .hasSize(1);
        }
        assertThat(world.notifications(ann)).filteredOn(p -> p.path("message").asString().contains("got a minute?")).hasSize(1);
        assertThat(bridge.harness().teams().subscriptions().valueStream()
                .filter(s -> s.path("resource").asString().startsWith("/chats/getAllMessages"))).as("no tenant-wide one").isEmpty();
    }
}
