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
 * The per-user mode with delegated tokens needs no application permission at all: the
 * subscriptions are the users' own, chats are read with a member's token, and presence with a
 * connected user's delegated Presence.Read.All. Here the app has none of its application
 * permissions, and notifications still arrive, to those away from Teams only.
 */
class PerUserWithoutApplicationPermissionsIT {
    @RegisterExtension
    static final BridgeExtension bridge = new BridgeExtension(Map.of("microsoft.subscription.mode", "per-user"));

    private static World world;

    @BeforeAll
    static void withoutApplicationPermissions() {
        world = bridge.world();
        for (String permission : List.of("Chat.Read.All", "Chat.ReadWrite.All", "ChatMember.Read.All", "Presence.Read.All",
                "Presence.ReadWrite.All", "User.Read.All")) {
            bridge.harness().teams().revokeApplicationPermission(permission);
        }
    }

    private static Person connectedAndAway(String name) {
        return connected(name, "Away");
    }

    private static Person connected(String name, String availability) {
        Person person = world.connected(world.person(name));
        world.presence(person, availability, availability);
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

    @Test
    void presenceIsReadWithAMembersDelegatedToken() {
        Person dan = connected("dan", "Available"); // at work in Teams: not to be notified
        Person eve = connectedAndAway("eve");
        Person fay = world.person("fay");
        String group = world.chat("group", "Presence", dan, eve, fay);

        String sent = world.say(group, fay, "<p>who is around?</p>");
        world.awaitProcessed(group, sent);

        assertThat(world.notifications(eve)).filteredOn(p -> p.path("message").asString().contains("who is around?")).hasSize(1);
        assertThat(world.notifications(dan)).filteredOn(p -> p.path("message").asString().contains("who is around?"))
                .as("read as away only if presence could not be read").isEmpty();
    }

    @Test
    void doctorSaysNoApplicationPermissionIsNeededAndWhoReadsPresence() {
        connectedAndAway("gus");
        String doctor = io.teamsbridge.doctor.Doctor.render(bridge.harness().bean(io.teamsbridge.doctor.Doctor.class).examine());

        assertThat(doctor).containsPattern("PASS +Microsoft application permissions +none needed with this configuration")
                .containsPattern("PASS +Presence +read with a connected user's delegated token: (\\d+) of \\1 connected users' "
                        + "sign-ins granted the delegated Presence.Read.All");
    }
}
