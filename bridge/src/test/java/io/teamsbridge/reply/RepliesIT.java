package io.teamsbridge.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.teamsbridge.mattermost.BotEventStream;
import io.teamsbridge.mattermost.MattermostClient;
import io.teamsbridge.mattermost.MattermostWire.Post;
import io.teamsbridge.store.ReplyRepository;
import io.teamsbridge.testing.BridgeExtension;
import io.teamsbridge.testing.World;
import io.teamsbridge.testing.World.Person;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Replies from Mattermost into Teams: a reply in a chat's thread becomes a Teams message by its
 * writer, which notifies the chat's other away members and not the writer; the writer sees a
 * reaction, or a short answer saying why it was not sent. A reply is sent once, also when the
 * WebSocket drops.
 */
class RepliesIT {
    @RegisterExtension
    static final BridgeExtension bridge = new BridgeExtension();

    private static World world;
    private static ReplyChecks checks;

    @BeforeAll
    static void subscribed() {
        world = bridge.world();
        world.awaitSubscription();
        checks = new ReplyChecks(bridge.harness(), world);
    }

    @AfterEach
    void faultsOff() {
        bridge.harness().teams().faults(Map.of("throttleAll", false));
    }

    @Test
    void aReplyIsSentAsItsWriterAndNotifiesTheOthersButNotTheWriter() {
        Person ann = world.connectedAndAway("ann");
        Person bob = world.connectedAndAway("bob");
        Person cid = world.person("cid");
        String group = world.chat("group", "Launch", cid, ann, bob);
        String root = checks.threadAfter(ann, group, cid, "are we ready?");

        String reply = checks.reply(ann, root, "**Yes**, ready. @" + bob.username() + " has the notes");

        await().atMost(Duration.ofSeconds(30)).until(() -> !checks.teamsMessagesFrom(group, ann).isEmpty());
        JsonNode sent = checks.teamsMessagesFrom(group, ann).getFirst();
        assertThat(sent.path("contentType").asString()).isEqualTo("html");
        assertThat(sent.path("content").asString()).contains("<strong>Yes</strong>, ready.").contains("<at id=\"0\">");
        assertThat(sent.path("mentions").get(0).path("userId").asString()).isEqualTo(bob.teamsUserId());
        checks.awaitSent(reply);
        await().atMost(Duration.ofSeconds(30)).until(() -> world.notifications(bob).stream()
                .anyMatch(p -> p.path("message").asString().contains("has the notes")));
        assertThat(world.notifications(ann)).as("the bot's posts to the writer")
                .filteredOn(p -> p.path("user_id").asString().equals(bridge.harness().bot().userId()))
                .noneMatch(p -> p.path("message").asString().contains("has the notes"));
        assertThat(checks.teamsMessagesFrom(group, ann)).hasSize(1);
    }

    @Test
    void repliesToOneChatAreSentInTheOrderTheyWereWritten() {
        Person dee = world.connectedAndAway("dee");
        Person eli = world.person("eli");
        String chat = world.chat("oneOnOne", null, eli, dee);
        String root = checks.threadAfter(dee, chat, eli, "status?");

        List<String> posts = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            posts.add(checks.reply(dee, root, "update " + i));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> checks.teamsMessagesFrom(chat, dee).size() == 5);
        assertThat(checks.teamsMessagesFrom(chat, dee)).extracting(m -> m.path("content").asString())
                .containsExactly("<p>update 1</p>", "<p>update 2</p>", "<p>update 3</p>", "<p>update 4</p>", "<p>update 5</p>");
        posts.forEach(checks::awaitSent);
    }

    @Test
    void aReplyWrittenWhileTheWebSocketIsDownIsSentOnceAfterItComesBack() {
        Person fia = world.connectedAndAway("fia");
        Person gil = world.person("gil");
        String chat = world.chat("oneOnOne", null, gil, fia);
        String root = checks.threadAfter(fia, chat, gil, "ping");

        // Resumable: the server replays what was missed.
        awaitListening();
        assertThat(bridge.harness().chat().dropWebSockets(false)).isPositive();
        checks.reply(fia, root, "after a short drop");
        await().atMost(Duration.ofSeconds(30)).until(() -> checks.teamsMessagesFrom(chat, fia).size() == 1);
        // Not resumable: the server forgot the connection, so the bridge looks back over REST.
        awaitListening();
        assertThat(bridge.harness().chat().dropWebSockets(true)).isPositive();
        checks.reply(fia, root, "after a lost connection");

        await().atMost(Duration.ofSeconds(30)).until(() -> checks.teamsMessagesFrom(chat, fia).size() == 2);
        awaitListening();
        assertThat(checks.teamsMessagesFrom(chat, fia)).extracting(m -> m.path("content").asString())
                .containsExactly("<p>after a short drop</p>", "<p>after a lost connection</p>");
    }

    @Test
    void aReplyThatIsTooLongHasFilesOrComesAfterDisconnectingIsRefusedWithTheReason() {
        Person hal = world.connectedAndAway("hal");
        Person ida = world.person("ida");
        String chat = world.chat("oneOnOne", null, ida, hal);
        String root = checks.threadAfter(hal, chat, ida, "send me the log");

        // Within Mattermost's 16,383 characters, over Teams' 28,000 bytes: two bytes each.
        checks.reply(hal, root, "ü".repeat(15_000));
        assertThat(checks.awaitAnswer(hal, root, 1)).contains("too long for Teams").contains("30,007 bytes").contains("28,000");

        checks.replyWithFile(hal, root, "the log is attached");
        assertThat(checks.awaitAnswer(hal, root, 2)).contains("files cannot be sent from Mattermost yet");

        world.commandConfirmed(hal.mattermostUserId(), "disconnect");
        checks.reply(hal, root, "still there?");
        assertThat(checks.awaitAnswer(hal, root, 3)).contains("not connected").contains("/msteams connect");
        assertThat(checks.teamsMessagesFrom(chat, hal)).isEmpty();
    }

    @Test
    void aReplyToAChatTheWriterLeftIsRefused() {
        Person jo = world.connectedAndAway("jo");
        Person kim = world.person("kim");
        Person lee = world.person("lee");
        String group = world.chat("group", "Old project", kim, jo, lee);
        String root = checks.threadAfter(jo, group, kim, "wrapping up");
        bridge.harness().teams().removeMember(group, jo.teamsUserId());

        checks.reply(jo, root, "thanks all");

        assertThat(checks.awaitAnswer(jo, root, 1)).contains("chat is gone, or you are no longer one of its members");
    }

    @Test
    void whileTeamsThrottlesTheWriterIsToldOnceAndTheReplyFollows() {
        Person max = world.connectedAndAway("max");
        Person ned = world.person("ned");
        String chat = world.chat("oneOnOne", null, ned, max);
        String root = checks.threadAfter(max, chat, ned, "quick one");

        bridge.harness().teams().faults(Map.of("throttleAll", true));
        String reply = checks.reply(max, root, "on my way");
        assertThat(checks.awaitAnswer(max, root, 1)).contains("will be sent as soon as");
        bridge.harness().teams().faults(Map.of("throttleAll", false));
        bridge.harness().clock().advance(Duration.ofSeconds(10)); // past Graph's Retry-After

        checks.awaitSent(reply);
        assertThat(checks.teamsMessagesFrom(chat, max)).hasSize(1);
        assertThat(checks.answers(max, root)).hasSize(1);
    }

    @Test
    void postsThatAreNotRepliesInAChatThreadAreLeftAlone() {
        Person ola = world.connectedAndAway("ola");
        Person pam = world.person("pam");
        String chat = world.chat("oneOnOne", null, pam, ola);
        String root = checks.threadAfter(ola, chat, pam, "hello");
        String topLevel = checks.reply(ola, null, "talking to the bot");
        String inThread = checks.reply(ola, root, "a real reply");

        checks.awaitSent(inThread);
        assertThat(checks.teamsMessagesFrom(chat, ola)).extracting(m -> m.path("content").asString())
                .containsExactly("<p>a real reply</p>");
        assertThat(checks.reactions(topLevel)).isEmpty();
    }

    @Test
    void aReplyRecordedBeforeAnEarlierOneWaitsForIt() {
        Person quin = world.connectedAndAway("quin");
        Person rae = world.person("rae");
        String chat = world.chat("oneOnOne", null, rae, quin);
        String root = checks.threadAfter(quin, chat, rae, "two things");
        BotEventStream stream = bridge.harness().bean(BotEventStream.class);
        stream.stop();
        try {
            String first = checks.reply(quin, root, "first");
            bridge.harness().clock().advance(Duration.ofSeconds(1)); // the emulator stamps posts with this clock
            String second = checks.reply(quin, root, "second");
            // Only the later one is recorded: every instance that heard the first stopped before recording it.
            Post heard = bridge.harness().bean(MattermostClient.class).post(second);
            assertThat(bridge.harness().bean(ReplyRepository.class).receive(second, quin.mattermostUserId(), chat, root,
                    Instant.ofEpochMilli(heard.createAt()), bridge.harness().clock().instant())).isTrue();
            bridge.harness().bean(ReplyWorker.class).kick();

            await().atMost(Duration.ofSeconds(30)).until(() -> checks.teamsMessagesFrom(chat, quin).size() == 2);
            assertThat(checks.teamsMessagesFrom(chat, quin)).extracting(m -> m.path("content").asString())
                    .containsExactly("<p>first</p>", "<p>second</p>");
            checks.awaitSent(first);
            checks.awaitSent(second);
        } finally {
            stream.start();
        }
    }

    /** The bridge's socket is attached (the emulator lists it active). */
    private static void awaitListening() {
        await().atMost(Duration.ofSeconds(30)).until(() -> bridge.harness().chat().webSockets().stream()
                .anyMatch(c -> c.path("active").asBoolean(false)));
    }
}
