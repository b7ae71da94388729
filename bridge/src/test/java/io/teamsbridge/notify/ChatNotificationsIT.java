package io.teamsbridge.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.teamsbridge.testing.BridgeExtension;
import io.teamsbridge.testing.World;
import io.teamsbridge.testing.World.Person;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * PRODUCT.md's "When a notification is delivered", end to end: a message written in the emulated
 * Teams reaches the bridge as an encrypted change notification, and the right Mattermost users get
 * one post each.
 */
class ChatNotificationsIT {
    @RegisterExtension
    static final BridgeExtension bridge = new BridgeExtension();

    private static World world;

    @BeforeAll
    static void subscribed() {
        world = bridge.world();
        world.awaitSubscription();
    }

    private static Person connected(String name) {
        return world.connectedAndAway(name);
    }

    private static JsonNode onlyNotification(Person person) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !world.notifications(person).isEmpty());
        assertThat(world.notifications(person)).hasSize(1);
        return world.notifications(person).getFirst();
    }

    @ParameterizedTest(name = "{0}/{1} -> delivered {2}")
    @CsvSource({
        "Away, Away, true",
        "Offline, Offline, true",
        "Offline, OffWork, true",
        "Available, Inactive, true",
        "PresenceUnknown, PresenceUnknown, true",
        "Available, Available, false",
        "Busy, InAMeeting, false",
        "DoNotDisturb, Presenting, false",
        "BeRightBack, BeRightBack, false",
    })
    void aOneOnOneMessageIsDeliveredOnlyWhenTheRecipientIsAwayFromTeams(String availability, String activity, boolean delivered) {
        Person sender = world.person("sender");
        Person recipient = connected("recipient");
        world.presence(recipient, availability, activity);
        String chat = world.chat("oneOnOne", null, sender, recipient);

        String message = world.say(chat, sender, "<p>Are you there?</p>");
        world.awaitProcessed(chat, message);

        assertThat(world.notifications(recipient)).hasSize(delivered ? 1 : 0);
    }

    @Test
    void inAGroupChatEveryAwayMemberButTheSenderIsNotifiedOnce() {
        Person alice = connected("alice");
        Person bob = connected("bob");
        Person carol = connected("carol");
        Person busy = connected("busy");
        world.presence(busy, "Busy", "Busy");
        Person quiet = connected("quiet");
        world.commandConfirmed(quiet.mattermostUserId(), "notifications off");
        Person outsider = world.person("outsider");
        String chat = world.chat("group", "Project Falcon", alice, bob, carol, busy, quiet, outsider);

        String message = world.say(chat, alice, "<p>Status update at <strong>noon</strong></p>");
        world.awaitProcessed(chat, message);

        assertThat(onlyNotification(bob).path("message").asString())
                .contains("**" + alice.username() + " Teams**")
                .contains("Project Falcon")
                .contains("with 4 others")
                .contains("Status update at **noon**");
        onlyNotification(carol);
        assertThat(world.notifications(alice)).as("the sender").isEmpty();
        assertThat(world.notifications(busy)).as("busy in Teams").isEmpty();
        assertThat(world.notifications(quiet)).as("notifications off").isEmpty();
        assertThat(bridge.harness().chat().botPosts(outsider.mattermostUserId())).as("not connected").isEmpty();
    }

    @Test
    void aMeetingChatNamesTheMeeting() {
        Person host = connected("host");
        Person guest = connected("guest");
        String chat = world.chat("meeting", "Weekly sync", host, guest);
        String message = world.say(chat, host, "<p>Agenda is posted</p>");
        world.awaitProcessed(chat, message);
        assertThat(onlyNotification(guest).path("message").asString()).contains("Weekly sync").contains("Agenda is posted");
        assertThat(world.notifications(host)).isEmpty();
    }

    @Test
    void aSystemEventIsNeverForwarded() {
        Person owner = connected("owner");
        Person member = connected("member");
        Person joiner = connected("joiner");
        String chat = world.chat("group", "Growing", owner, member);
        String event = bridge.harness().teams().addMember(chat, joiner.teamsUserId());
        world.awaitProcessed(chat, event);
        assertThat(world.notifications(owner)).isEmpty();
        assertThat(world.notifications(member)).isEmpty();
        assertThat(world.notifications(joiner)).isEmpty();

        String message = world.say(chat, owner, "<p>Welcome!</p>");
        world.awaitProcessed(chat, message);
        onlyNotification(joiner);
    }

    @Test
    void editsUpdateAndDeletionsReplaceTheForwardedPost() {
        Person writer = world.person("writer");
        Person reader = connected("reader");
        String chat = world.chat("oneOnOne", null, writer, reader);
        String message = world.say(chat, writer, "<p>Lunch at 12?</p>");
        world.awaitProcessed(chat, message);
        String postId = onlyNotification(reader).path("id").asString();

        bridge.harness().teams().editMessage(chat, message, "<p>Lunch at 1?</p>");
        await().atMost(Duration.ofSeconds(30)).until(() -> world.notifications(reader).getFirst().path("message").asString().contains("Lunch at 1?"));
        JsonNode edited = onlyNotification(reader);
        assertThat(edited.path("id").asString()).isEqualTo(postId);
        assertThat(edited.path("message").asString()).containsIgnoringCase("edited").doesNotContain("Lunch at 12?");

        bridge.harness().teams().deleteMessage(chat, message);
        await().atMost(Duration.ofSeconds(30)).until(() -> world.notifications(reader).getFirst().path("message").asString()
                .toLowerCase().contains("deleted"));
        assertThat(onlyNotification(reader).path("message").asString()).doesNotContain("Lunch at");
    }

    @Test
    void anEditNeverOvertakesItsMessageWhileBatchesOverlap() {
        List<Person> writers = new ArrayList<>();
        List<Person> readers = new ArrayList<>();
        List<String> chats = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Person writer = world.person("w" + i);
            Person reader = connected("r" + i);
            writers.add(writer);
            readers.add(reader);
            chats.add(world.chat("oneOnOne", null, writer, reader));
        }
        // Slow posts keep the first batch in flight while the edits arrive and are claimed.
        bridge.harness().chat().faults(Map.of("latencyMs", 250));
        try {
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < chats.size(); i++) {
                    String text = "<p>Chat " + i + " message " + round + "</p>";
                    String id = world.say(chats.get(i), writers.get(i), text);
                    bridge.harness().teams().editMessage(chats.get(i), id, "<p>Chat " + i + " message " + round + " final</p>");
                }
            }
            for (int i = 0; i < chats.size(); i++) {
                int chat = i;
                await().atMost(Duration.ofSeconds(60)).until(() -> world.notifications(readers.get(chat)).stream()
                        .filter(post -> post.path("message").asString().contains(" final")).count() == 3);
                assertThat(world.notifications(readers.get(chat))).hasSize(3)
                        .allSatisfy(post -> assertThat(post.path("message").asString()).contains(" final"));
            }
        } finally {
            bridge.harness().chat().faults(Map.of("latencyMs", 0));
        }
    }

    @Test
    void aNotificationGraphDeliversTwiceIsPostedOnce() {
        Person talker = world.person("talker");
        Person listener = connected("listener");
        String chat = world.chat("oneOnOne", null, talker, listener);
        bridge.harness().teams().faults(Map.of("duplicateDeliveries", true));
        try {
            long acceptedBefore = bridge.harness().teams().stats().path("notificationsSent").asLong();
            String message = world.say(chat, talker, "<p>Once only</p>");
            // Graph counts a copy once the bridge has answered it, i.e. once the copy is stored or known.
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    bridge.harness().teams().stats().path("notificationsSent").asLong() >= acceptedBefore + 2);
            world.awaitProcessed(chat, message);
            assertThat(world.notifications(listener)).hasSize(1);
        } finally {
            bridge.harness().teams().faults(Map.of("duplicateDeliveries", false));
        }
    }

    @Test
    void formattingMentionsAndTheTeamsLinkArriveAsMarkdown() {
        Person ann = world.person("ann");
        Person ben = connected("ben");
        String chat = world.chat("oneOnOne", null, ann, ben);
        String mentionText = ben.username() + " Teams";
        String message = bridge.harness().teams().postMessage(chat, ann.teamsUserId(), "html",
                "<p><b>Bold</b> and a <a href=\"https://example.com/doc\">link</a>, <at id=\"0\">" + mentionText + "</at>:</p>"
                        + "<ul><li>one</li><li>two</li></ul>",
                java.util.List.of(new io.teamsbridge.emulators.microsoft.MicrosoftControlClient.Mention(0, mentionText, ben.teamsUserId())),
                java.util.List.of());
        world.awaitProcessed(chat, message);
        assertThat(onlyNotification(ben).path("message").asString())
                .contains("**Bold**")
                .contains("[link](https://example.com/doc)")
                .contains("@" + ben.username())
                .contains("- one")
                .contains("- two")
                .contains("[Open in Microsoft Teams](https://teams.microsoft.com/l/message/")
                .containsPattern("/l/message/[^)]+\\?tenantId=[0-9a-f-]{36}&context=");
    }

    @Test
    void someoneRemovedFromAChatStopsHearingOfItWithinAMinute() {
        Person from = world.person("from");
        Person stays = connected("stays");
        Person leaves = connected("leaves");
        String chat = world.chat("group", "Release crew", from, stays, leaves);
        String before = world.say(chat, from, "<p>while-both-are-members</p>");
        world.awaitProcessed(chat, before);
        // Both are active when the removal happens, so its event message is not read (nobody is to be notified).
        world.presence(stays, "Available", "Available");
        world.presence(leaves, "Available", "Available");
        String removal = bridge.harness().teams().removeMember(chat, leaves.teamsUserId());
        world.awaitProcessed(chat, removal);
        world.presence(stays, "Away", "Away");
        world.presence(leaves, "Away", "Away");
        bridge.harness().clock().advance(Audiences.FRESH_FOR.plusSeconds(1));

        String after = world.say(chat, from, "<p>after-the-removal</p>");
        world.awaitProcessed(chat, after);

        assertThat(world.notifications(stays)).extracting(p -> p.path("message").asString())
                .anySatisfy(m -> assertThat(m).contains("after-the-removal"));
        assertThat(world.notifications(leaves)).extracting(p -> p.path("message").asString())
                .anySatisfy(m -> assertThat(m).contains("while-both-are-members"))
                .noneSatisfy(m -> assertThat(m).contains("after-the-removal"));
    }
}
