package io.teamsbridge.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.teamsbridge.mattermost.Confirmations;
import io.teamsbridge.testing.BridgeExtension;
import io.teamsbridge.testing.World;
import io.teamsbridge.testing.World.Person;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A reply reaches Teams exactly once across restarts: one recorded but not sent yet when the
 * bridge stops is sent after it starts; one written while the bridge was stopped is found by the
 * look-back; one whose sending may have happened before a crash is looked for in the chat rather
 * than sent again. And a user whose connection predates replies is asked, once, to connect again.
 */
class RepliesAcrossRestartsIT {
    @RegisterExtension
    static final BridgeExtension bridge = new BridgeExtension(Map.of("replies.enabled", "false"));

    private static World world;
    private static ReplyChecks checks;

    @BeforeAll
    static void subscribed() {
        world = bridge.world();
        world.awaitSubscription();
        checks = new ReplyChecks(bridge.harness(), world);
    }

    @Test
    void repliesAreSentOnceAcrossRestartsAndOldConnectionsAreAskedToConnectAgain() {
        // Connected while replies were off: the connection lacks ChatMessage.Send.
        Person old = world.connectedAndAway("old");
        Person pal = world.person("pal");
        String oldChat = world.chat("oneOnOne", null, pal, old);
        String oldRoot = checks.threadAfter(old, oldChat, pal, "before the upgrade");
        bridge.harness().stopBridge();
        bridge.harness().setting("replies.enabled", "true");
        bridge.harness().startBridge();

        await().atMost(Duration.ofSeconds(60)).until(() -> asks(old).size() == 1);
        assertThat(asks(old).getFirst()).contains("Connect again").contains("ChatMessage.Send");
        checks.reply(old, oldRoot, "can I reply?");
        assertThat(checks.awaitAnswer(old, oldRoot, 1)).contains("needs a permission").contains("/msteams connect");

        world.connected(old); // connects again: now with the permission
        String sent = checks.reply(old, oldRoot, "now I can");
        checks.awaitSent(sent);
        assertThat(checks.teamsMessagesFrom(oldChat, old)).hasSize(1);

        // Recorded, not sent (Teams throttles everything), when the bridge stops.
        Person amy = world.connectedAndAway("amy");
        Person ben = world.person("ben");
        String chat = world.chat("oneOnOne", null, ben, amy);
        String root = checks.threadAfter(amy, chat, ben, "are you there?");
        bridge.harness().teams().faults(Map.of("throttleAll", true));
        String waiting = checks.reply(amy, root, "recorded before the stop");
        assertThat(checks.awaitAnswer(amy, root, 1)).contains("will be sent as soon as");
        bridge.harness().stopBridge();
        bridge.harness().teams().faults(Map.of("throttleAll", false));

        // Written while no bridge listens.
        String whileDown = checks.reply(amy, root, "written while it was down");
        bridge.harness().startBridge();
        bridge.harness().clock().advance(Duration.ofSeconds(10)); // past Graph's Retry-After

        checks.awaitSent(waiting);
        checks.awaitSent(whileDown);
        assertThat(checks.teamsMessagesFrom(chat, amy))
                .extracting(m -> m.path("content").asString()).containsExactly("<p>recorded before the stop</p>", "<p>written while it was down</p>");

        // The answer to a send was lost (the bridge died between sending and recording it): the
        // next attempt finds the message in the chat instead of sending it twice.
        JdbcClient jdbc = bridge.harness().bean(JdbcClient.class);
        assertThat(jdbc.sql("UPDATE reply SET done = FALSE, outcome = NULL, teams_message_id = NULL, attempts = 1, "
                + "claimed_by = NULL, claimed_until = NULL WHERE post_id = ? AND send_started_at IS NOT NULL")
                .param(whileDown).update()).isEqualTo(1);
        bridge.harness().stopBridge();
        bridge.harness().startBridge();
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc(bridge).sql("SELECT done FROM reply WHERE post_id = ?")
                .param(whileDown).query(Boolean.class).single());
        assertThat(checks.teamsMessagesFrom(chat, amy)).as("not sent a second time").hasSize(2);
        assertThat(jdbc(bridge).sql("SELECT detail FROM reply WHERE post_id = ?").param(whileDown).query(String.class).list())
                .containsExactly("found in the chat");
        assertThat(asks(old)).as("asked once").hasSize(1);
    }

    private static JdbcClient jdbc(BridgeExtension bridge) {
        return bridge.harness().bean(JdbcClient.class);
    }

    private static List<String> asks(Person person) {
        return bridge.harness().chat().botPosts(person.mattermostUserId()).stream()
                .filter(p -> p.path("props").path(Confirmations.KIND_PROP).asString("").equals("permission-ask"))
                .map(p -> p.path("message").asString())
                .toList();
    }

}
