package io.teamsbridge.microsoft.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamsbridge.emulators.microsoft.MicrosoftControlClient;
import io.teamsbridge.emulators.microsoft.MicrosoftControlClient.HostedContent;
import io.teamsbridge.testing.BridgeExtension;
import io.teamsbridge.testing.World;
import io.teamsbridge.testing.World.Person;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
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

    @Test
    void aLostSubscriptionsGapIsListedWithTheUsersOwnTokenAndDeliveredOnce() {
        Person lea = connectedAndAway("lea");
        Person max = world.person("max");
        String oneOnOne = world.chat("oneOnOne", null, lea, max);
        String group = world.chat("group", "Gap", lea, max, world.person("ned"));
        String quiet = world.chat("group", "Quiet", lea, max);
        world.awaitProcessed(quiet, world.say(quiet, max, "<p>before the gap</p>"));
        String lostId = bridge.harness().teams().subscriptions().valueStream()
                .filter(s -> s.path("resource").asString().startsWith("/users/" + lea.teamsUserId() + "/"))
                .findFirst().orElseThrow().path("id").asString();
        bridge.harness().teams().deleteSubscription(lostId); // gone at Graph, without a word

        String intoOneOnOne = world.say(oneOnOne, max, "<p>gap one</p>");
        String intoGroup = world.say(group, max, "<p>gap two</p>");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            bridge.harness().bean(SubscriptionManager.class).maintain();
            return bridge.harness().teams().subscriptions().valueStream().anyMatch(s -> s.path("resource").asString()
                    .startsWith("/users/" + lea.teamsUserId() + "/") && !s.path("id").asString().equals(lostId));
        });
        bridge.harness().bean("catchUpJob", io.teamsbridge.ops.PeriodicJob.class).runNow();
        world.awaitProcessed(oneOnOne, intoOneOnOne);
        world.awaitProcessed(group, intoGroup);

        for (String text : List.of("gap one", "gap two", "before the gap")) {
            assertThat(world.notifications(lea)).filteredOn(p -> p.path("message").asString().contains(text)).as(text).hasSize(1);
        }
    }

    @Test
    void pastedImagesAndCodeSnippetsAreReadWithAMembersToken() {
        Person oli = connectedAndAway("oli");
        Person pam = world.person("pam");
        String chat = world.chat("oneOnOne", null, oli, pam);
        String card = "{\"name\":\"\",\"language\":\"Python\",\"lines\":1,\"wrap\":false,\"codeSnippetUrl\":\"hosted:1\"}";
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 1, 2};

        String sent = bridge.harness().teams().postMessage(chat, pam.teamsUserId(), "html",
                "<p>see the sketch</p><p><img src=\"hosted:0\" alt=\"image\"></p><attachment id=\"snippet\"></attachment>",
                List.of(), List.of(MicrosoftControlClient.Attachment.card("snippet", "application/vnd.microsoft.card.codesnippet",
                        card)), List.of(new HostedContent("image/png", png),
                        new HostedContent("text/plain", "print('sketch')\n".getBytes(StandardCharsets.UTF_8))));
        world.awaitProcessed(chat, sent);

        List<JsonNode> posts = world.notifications(oli).stream().filter(p -> p.path("message").asString().contains("see the sketch"))
                .toList();
        assertThat(posts).hasSize(1);
        assertThat(posts.getFirst().path("message").asString()).contains("print('sketch')").doesNotContain("not shown");
        assertThat(posts.getFirst().path("files")).hasSize(1);
    }

    @Test
    void aSubscriptionGraphPausesIsReauthorizedWithItsUsersTokenAndDeliversAgain() {
        Person quinn = connectedAndAway("quinn");
        Person rae = world.person("rae");
        String chat = world.chat("oneOnOne", null, quinn, rae);
        String id = bridge.harness().teams().subscriptions().valueStream()
                .filter(s -> s.path("resource").asString().startsWith("/users/" + quinn.teamsUserId() + "/"))
                .findFirst().orElseThrow().path("id").asString();

        bridge.harness().teams().lifecycle(id, "reauthorizationRequired"); // what Graph has meanwhile is lost
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> bridge.harness().teams().subscriptions().valueStream()
                .anyMatch(s -> s.path("id").asString().equals(id) && !s.path("reauthorizationRequired").asBoolean()));
        String sent = world.say(chat, rae, "<p>after the pause</p>");
        world.awaitProcessed(chat, sent);

        assertThat(world.notifications(quinn)).filteredOn(p -> p.path("message").asString().contains("after the pause")).hasSize(1);
    }
}
