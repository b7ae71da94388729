package io.teamsbridge.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.teamsbridge.testing.BridgeExtension;
import io.teamsbridge.testing.World;
import io.teamsbridge.testing.World.Person;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * One thread per Teams chat in the bot's direct channel: the first notification from a chat starts
 * it with a root that names the chat, the following ones reply in it, each chat has its own, and
 * edits keep working on the replies. A user may turn threads off.
 */
class ChatThreadsIT {
    @RegisterExtension
    static final BridgeExtension bridge = new BridgeExtension();

    private static World world;

    @BeforeAll
    static void subscribed() {
        world = bridge.world();
        world.awaitSubscription();
    }

    private static JsonNode notification(Person person, String text) {
        List<JsonNode> found = world.notifications(person).stream().filter(p -> p.path("message").asString().contains(text)).toList();
        assertThat(found).as("notifications of %s with %s", person.username(), text).hasSize(1);
        return found.getFirst();
    }

    private static String said(String chat, Person from, String text) {
        String id = world.say(chat, from, "<p>" + text + "</p>");
        world.awaitProcessed(chat, id);
        return id;
    }

    @Test
    void aChatsNotificationsReplyInOneThreadWhoseRootNamesTheChat() {
        Person ann = world.connectedAndAway("ann");
        Person bob = world.person("bob");
        String oneOnOne = world.chat("oneOnOne", null, bob, ann);

        said(oneOnOne, bob, "first of the day");
        said(oneOnOne, bob, "second of the day");

        List<JsonNode> roots = world.threadRoots(ann);
        assertThat(roots).hasSize(1);
        JsonNode root = roots.getFirst();
        assertThat(root.path("root_id").asString("")).isEmpty();
        assertThat(root.path("props").path("teamsbridge_thread").asString()).isEqualTo(oneOnOne);
        assertThat(root.path("message").asString()).contains("1:1 chat with").contains(bob.username().substring(0, 3));
        for (String text : List.of("first of the day", "second of the day")) {
            assertThat(notification(ann, text).path("root_id").asString()).as(text).isEqualTo(root.path("id").asString());
        }
    }

    @Test
    void eachChatHasItsOwnThreadForEachOfItsMembers() {
        Person cat = world.connectedAndAway("cat");
        Person dan = world.connectedAndAway("dan");
        Person eve = world.person("eve");
        String group = world.chat("group", "Release crew", eve, cat, dan);
        String meeting = world.chat("meeting", "Weekly sync", eve, cat);

        said(group, eve, "release at five");
        said(meeting, eve, "agenda is up");
        said(group, eve, "release moved to six");

        List<JsonNode> catRoots = world.threadRoots(cat);
        assertThat(catRoots).extracting(r -> r.path("props").path("teamsbridge_thread").asString()).containsExactly(group, meeting);
        assertThat(catRoots.get(0).path("message").asString()).contains("Release crew");
        assertThat(catRoots.get(1).path("message").asString()).contains("Weekly sync");
        String catGroupRoot = catRoots.get(0).path("id").asString();
        assertThat(notification(cat, "release at five").path("root_id").asString()).isEqualTo(catGroupRoot);
        assertThat(notification(cat, "release moved to six").path("root_id").asString()).isEqualTo(catGroupRoot);
        assertThat(notification(cat, "agenda is up").path("root_id").asString()).isEqualTo(catRoots.get(1).path("id").asString());

        List<JsonNode> danRoots = world.threadRoots(dan);
        assertThat(danRoots).hasSize(1);
        assertThat(notification(dan, "release at five").path("root_id").asString()).isEqualTo(danRoots.getFirst().path("id").asString())
                .isNotEqualTo(catGroupRoot);
    }

    @Test
    void anEditUpdatesTheReplyInItsThread() {
        Person fay = world.connectedAndAway("fay");
        Person gus = world.person("gus");
        String chat = world.chat("oneOnOne", null, gus, fay);
        String message = said(chat, gus, "meet at noon");
        JsonNode before = notification(fay, "meet at noon");

        bridge.harness().teams().editMessage(chat, message, "<p>meet at one</p>");
        await().atMost(Duration.ofSeconds(30)).until(() -> world.notifications(fay).stream()
                .anyMatch(p -> p.path("message").asString().contains("meet at one")));

        JsonNode after = notification(fay, "meet at one");
        assertThat(after.path("id").asString()).isEqualTo(before.path("id").asString());
        assertThat(after.path("root_id").asString()).isEqualTo(before.path("root_id").asString()).isNotEmpty();
        assertThat(world.threadRoots(fay)).hasSize(1);
    }

    @Test
    void withThreadsTurnedOffEachNotificationIsAPostOfItsOwn() {
        Person hal = world.connectedAndAway("hal");
        Person ivy = world.person("ivy");
        world.settings(hal, Map.of("notifications", true, "meeting_chats", true, "thread_per_chat", false));
        String chat = world.chat("oneOnOne", null, ivy, hal);

        said(chat, ivy, "no thread please");

        assertThat(notification(hal, "no thread please").path("root_id").asString("")).isEmpty();
        assertThat(world.threadRoots(hal)).isEmpty();
        assertThat(bridge.harness().chat().botPosts(hal.mattermostUserId())).extracting(p -> p.path("message").asString())
                .anySatisfy(m -> assertThat(m).contains("Your Teams notification settings are saved").contains("a post per message"));
    }

    private static JsonNode rootOf(Person person, String chat) {
        return world.threadRoots(person).stream().filter(r -> r.path("props").path("teamsbridge_thread").asString().equals(chat))
                .findFirst().orElseThrow();
    }

    private static String decisionsOf(Person person) {
        return world.command(person.mattermostUserId(), "status");
    }

    @Test
    void aMutedChatDeliversNothingUntilUnmutedAndTheRootOffersTheOtherButton() {
        Person jan = world.connectedAndAway("jan");
        Person kit = world.person("kit");
        String chat = world.chat("group", "Noisy room", kit, jan);
        String other = world.chat("oneOnOne", null, kit, jan);
        said(chat, kit, "before muting");
        JsonNode root = rootOf(jan, chat);
        assertThat(root.path("props").path("attachments").get(0).path("actions").get(0).path("name").asString())
                .isEqualTo("Mute this chat");

        var pressed = bridge.harness().chat().clickButton(root.path("id").asString(), "mute", jan.mattermostUserId());
        assertThat(pressed.status()).as("%s", pressed.response()).isEqualTo(200);
        said(chat, kit, "while muted");
        said(other, kit, "other chats still arrive");

        assertThat(world.notifications(jan)).extracting(p -> p.path("message").asString())
                .noneSatisfy(m -> assertThat(m).contains("while muted"));
        notification(jan, "other chats still arrive");
        JsonNode mutedRoot = rootOf(jan, chat);
        assertThat(mutedRoot.path("message").asString()).contains("Noisy room").contains("Muted");
        assertThat(mutedRoot.path("props").path("attachments").get(0).path("actions").get(0).path("name").asString()).isEqualTo("Unmute");
        assertThat(decisionsOf(jan)).contains("not sent: you muted this chat");
        assertThat(world.command(jan.mattermostUserId(), "mute list")).contains("1. ").contains("Noisy room");

        var unpressed = bridge.harness().chat().clickButton(mutedRoot.path("id").asString(), "unmute", jan.mattermostUserId());
        assertThat(unpressed.status()).as("%s", unpressed.response()).isEqualTo(200);
        said(chat, kit, "after unmuting");

        notification(jan, "after unmuting");
        assertThat(rootOf(jan, chat).path("message").asString()).doesNotContain("Muted");
        assertThat(world.command(jan.mattermostUserId(), "mute list")).contains("no muted Teams chats");
    }

    @Test
    void theMuteCommandListsAndUnmutesByNumber() {
        Person lou = world.connectedAndAway("lou");
        Person mia = world.person("mia");
        String first = world.chat("group", "First room", mia, lou);
        String second = world.chat("group", "Second room", mia, lou);
        said(first, mia, "hello first");
        said(second, mia, "hello second");
        for (String chat : List.of(first, second)) {
            assertThat(bridge.harness().chat().clickButton(rootOf(lou, chat).path("id").asString(), "mute", lou.mattermostUserId())
                    .status()).isEqualTo(200);
            bridge.harness().clock().advance(Duration.ofSeconds(1)); // listed in the order they were muted
        }

        String list = world.command(lou.mattermostUserId(), "mute list");
        assertThat(list).containsSubsequence("1. ", "First room", "2. ", "Second room");
        assertThat(world.command(lou.mattermostUserId(), "mute off 3")).contains("no muted chat number 3");
        assertThat(world.command(lou.mattermostUserId(), "mute off 2")).contains("Unmuted").contains("Second room");
        JsonNode unmutedRoot = rootOf(lou, second);
        assertThat(unmutedRoot.path("message").asString()).as("the root no longer says muted").doesNotContain("Muted");
        assertThat(unmutedRoot.path("props").path("attachments").get(0).path("actions").get(0).path("name").asString())
                .isEqualTo("Mute this chat");
        assertThat(rootOf(lou, first).path("message").asString()).contains("Muted");
        said(second, mia, "second is back");
        said(first, mia, "first stays quiet");

        notification(lou, "second is back");
        assertThat(world.notifications(lou)).extracting(p -> p.path("message").asString())
                .noneSatisfy(m -> assertThat(m).contains("first stays quiet"));
        assertThat(world.command(lou.mattermostUserId(), "mute off all")).contains("Unmuted 1 Teams chat.");
        assertThat(rootOf(lou, first).path("message").asString()).doesNotContain("Muted");
        assertThat(world.command(lou.mattermostUserId(), "mute")).contains("Usage:");
    }

    @Test
    void aRootDeletedInMattermostIsReplacedByANewThreadForTheNextNotifications() {
        Person nia = world.connectedAndAway("nia");
        Person oz = world.person("oz");
        String chat = world.chat("oneOnOne", null, oz, nia);
        said(chat, oz, "before the root went");
        String first = rootOf(nia, chat).path("id").asString();

        bridge.harness().bean(io.teamsbridge.mattermost.MattermostClient.class).deletePost(first); // as an administrator might
        // Later than Mattermost's 30 s pending_post_id window: within it the new root's key (the same
        // as the deleted one's) is refused with a 500, and the notification is retried until it passes.
        bridge.harness().clock().advance(Duration.ofSeconds(31));
        said(chat, oz, "after the root went");
        said(chat, oz, "and once more");

        List<JsonNode> live = world.threadRoots(nia).stream().filter(r -> r.path("delete_at").asLong(0) == 0).toList();
        assertThat(live).hasSize(1);
        String second = live.getFirst().path("id").asString();
        assertThat(second).isNotEqualTo(first);
        assertThat(notification(nia, "after the root went").path("root_id").asString()).isEqualTo(second);
        assertThat(notification(nia, "and once more").path("root_id").asString()).isEqualTo(second);
        assertThat(bridge.harness().bean(io.teamsbridge.store.ChatThreadRepository.class).rootOf(nia.mattermostUserId(), chat))
                .contains(second);
    }

    @Test
    void aBatchReadsTheThreadsAndMutesOfAllItsChatsTogetherPairByPair() {
        var threads = bridge.harness().bean(io.teamsbridge.store.ChatThreadRepository.class);
        var mutes = bridge.harness().bean(io.teamsbridge.store.ChatMuteRepository.class);
        java.time.Instant at = java.time.Instant.parse("2026-12-05T10:00:00Z");
        threads.remember("pair-u1", "pair-chat-a", "root-u1-a", "A", at);
        threads.remember("pair-u2", "pair-chat-b", "root-u2-b", "B", at);
        threads.remember("pair-u3", "pair-chat-a", "root-u3-a", "A", at);
        mutes.mute("pair-u1", "pair-chat-b", "B", at);
        mutes.mute("pair-u2", "pair-chat-a", "A", at);
        mutes.mute("pair-u3", "pair-chat-b", "B", at);

        List<String> chats = List.of("pair-chat-a", "pair-chat-b", "pair-chat-none");
        List<String> users = List.of("pair-u1", "pair-u2", "pair-nobody");
        assertThat(threads.rootsIn(chats, users)).isEqualTo(Map.of("pair-chat-a", Map.of("pair-u1", "root-u1-a"),
                "pair-chat-b", Map.of("pair-u2", "root-u2-b")));
        assertThat(mutes.mutedIn(chats, users)).isEqualTo(Map.of("pair-chat-a", java.util.Set.of("pair-u2"),
                "pair-chat-b", java.util.Set.of("pair-u1")));
        assertThat(threads.rootsIn(List.of(), users)).isEmpty();
        assertThat(mutes.mutedIn(chats, List.of())).isEmpty();
    }
}
